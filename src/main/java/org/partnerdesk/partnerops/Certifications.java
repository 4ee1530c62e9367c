package org.partnerdesk.partnerops;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.nfr.persistence.NfrAudits;
import org.partnerdesk.partnerops.nfr.persistence.StoredCertifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PO-3 [003]: the certification register of each partner. Partner Operations records who passed what; staff read
 * every partner's, a partner's users read their own organization's. NFR eligibility reads it.
 */
@Service
public class Certifications {

    /** What Partner Operations records. */
    public record Record(long organizationId, long userId, CertificationKind kind, LocalDate passedOn, @Nullable LocalDate expiresOn) {
    }

    private final StoredCertifications stored;
    private final Organizations organizations;
    private final Users users;
    private final NfrAudits audits;
    private final Clock clock;

    Certifications(StoredCertifications stored, Organizations organizations, Users users, NfrAudits audits, Clock clock) {
        this.stored = stored;
        this.organizations = organizations;
        this.users = users;
        this.audits = audits;
        this.clock = clock;
    }

    /** PO-3: Partner Operations keep the register; the operations console shows its form to them alone. */
    public boolean mayRecord(Actor actor) {
        return actor.isStaff() && actor.isMemberOf(Groups.PARTNER_OPERATIONS);
    }

    /** PO-3: Partner Operations keep the register; the API asks before reading the body. */
    public void requireMayRecord(Actor actor) {
        OwnerGroup.require(actor, Groups.PARTNER_OPERATIONS, "record certifications", "PO-3");
    }

    @Transactional
    public Certification record(Actor actor, Record record) {
        requireMayRecord(actor);
        Organization partner = organizations.find(record.organizationId())
                .orElseThrow(() -> ApiException.invalid("organization_id", "not_found", "names no organization (" + record.organizationId() + ")"));
        if (!partner.isPartner()) {
            throw new NfrRefusal("PO-3", "organization_id", partner.describe() + " is not a partner: the certification register"
                    + " holds partner employees only");
        }
        User holder = users.find(record.userId())
                .orElseThrow(() -> ApiException.invalid("user_id", "not_found", "names no user (" + record.userId() + ")"));
        if (holder.organizationId() == null || holder.organizationId() != partner.id()) {
            throw new NfrRefusal("PO-3", "user_id", holder.email() + " is not a member of " + partner.name()
                    + ": record certifications of the partner's own people");
        }
        if (record.passedOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("passed_on", "invalid_value", "is in the future: record a certification once it is passed");
        }
        if (record.expiresOn() != null && record.expiresOn().isBefore(record.passedOn())) {
            throw ApiException.invalid("expires_on", "invalid_value", "is before passed_on");
        }
        stored.find(holder.id(), record.kind()).ifPresent(existing -> {
            throw ApiException.invalid("kind", "duplicate", holder.email() + " already holds " + record.kind().code()
                    + " (certification " + existing.id() + ")");
        });
        Certification created = stored.insert(partner.id(), holder.id(), record.kind(), record.passedOn(), record.expiresOn(), actor.userId());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("organization_id", partner.id());
        values.put("user_id", holder.id());
        values.put("kind", record.kind().code());
        values.put("passed_on", record.passedOn().toString());
        values.put("expires_on", record.expiresOn() == null ? null : record.expiresOn().toString());
        audits.record(actor.userId(), "certification", created.id(), "record", values);
        return created;
    }

    @Transactional
    public void remove(Actor actor, long id) {
        OwnerGroup.require(actor, Groups.PARTNER_OPERATIONS, "remove certifications", "PO-3");
        Certification existing = stored.find(id).orElseThrow(() -> ApiException.notFound("Certification " + id));
        stored.delete(id);
        audits.record(actor.userId(), "certification", id, "remove", Map.of("user_id", existing.userId(), "kind", existing.kind().code()));
    }

    public Certification find(Actor actor, long id) {
        Certification certification = stored.find(id).orElseThrow(() -> ApiException.notFound("Certification " + id));
        if (!actor.isStaff() && !actor.belongsTo(certification.organizationId())) { // #10: as if it did not exist
            throw ApiException.notFound("Certification " + id);
        }
        return certification;
    }

    public CursorPage<Certification> page(Actor actor, PageRequest page, @Nullable Long organizationId) {
        return page(actor, page, organizationId, null);
    }

    /** #16: the register of one organization, one kind, both or all, in id order. */
    public CursorPage<Certification> page(Actor actor, PageRequest page, @Nullable Long organizationId, @Nullable CertificationKind kind) {
        if (!actor.isStaff() && !actor.belongsTo(organizationId)) {
            throw ApiException.forbidden("You can list only the certifications of your own organization: give its organization_id.");
        }
        return CursorPage.of(stored.page(organizationId, kind, page.afterId(), page.fetchSize()), page, Certification::id);
    }

    /** PO-3: the certifications that count for a partner today: valid, and held by people still in it. */
    List<Certification> validFor(long organizationId, LocalDate today) {
        return stored.heldByMembers(organizationId).stream().filter(c -> c.isValidOn(today)).toList();
    }
}
