package org.partnerdesk.partnerops;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.NfrLicense;
import org.partnerdesk.directory.NfrLicenses;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.partnerops.nfr.persistence.NfrAudits;
import org.partnerdesk.partnerops.nfr.persistence.StoredNfrExceptions;
import org.partnerdesk.partnerops.nfr.persistence.StoredNfrRequests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PO-3 [003]: a partner asks for NFR users; eligibility is decided at once from track, good standing, the
 * certification register and the track's allowance. Eligible requests are Licensing's to fulfil as an NFR license;
 * the submitter of an ineligible one is told by e-mail what is missing and how to meet it.
 */
@Service
public class NfrRequests {

    /** What a partner asks for. */
    public record Ask(Plan plan, int users, String deployment, @Nullable String comment) {
    }

    private final StoredNfrRequests stored;
    private final StoredNfrExceptions exceptions;
    private final Certifications certifications;
    private final Organizations organizations;
    private final NfrLicenses licenses;
    private final NfrPolicy policy;
    private final NfrAudits audits;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    NfrRequests(StoredNfrRequests stored, StoredNfrExceptions exceptions, Certifications certifications, Organizations organizations,
                NfrLicenses licenses, NfrPolicy policy, NfrAudits audits, Clock clock, ApplicationEventPublisher publisher) {
        this.stored = stored;
        this.exceptions = exceptions;
        this.certifications = certifications;
        this.organizations = organizations;
        this.licenses = licenses;
        this.policy = policy;
        this.audits = audits;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Transactional
    public NfrRequest submit(Actor actor, Ask ask) {
        Organization partner = partnerOf(actor);
        NfrEligibility eligibility = eligibility(partner, ask.users(), LocalDate.now(clock));
        NfrRequest request = stored.insert(NfrRequest.submitted(partner.id(), actor.userId(), ask.plan(), ask.users(), ask.deployment(),
                ask.comment(), eligibility, now()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", request.status().code());
        changes.put("plan", ask.plan().code());
        changes.put("users", ask.users());
        changes.put("deployment", ask.deployment());
        changes.put("missing", eligibility.missing().stream().map(NfrEligibility.Requirement::code).toList());
        audits.record(actor.userId(), "nfr_request", request.id(), "submit", changes);
        publisher.publishEvent(new NfrRequestSubmitted(request.id(), actor.userId(), partner.name(), eligibility.isEligible(),
                ask.plan().code(), ask.users(), ask.deployment(), eligibility.missing()));
        return request;
    }

    @Transactional
    public NfrRequest fulfil(Actor actor, long id) {
        OwnerGroup.require(actor, Groups.LICENSING, "fulfil NFR requests", "PO-3");
        NfrRequest request = stored.lock(id).orElseThrow(() -> ApiException.notFound("NFR request " + id));
        exceptions.openOn(id).ifPresent(open -> {
            throw new NfrRefusal("PO-4", "status", "NFR exception " + open.id() + " is " + open.status().code() + " on request " + id
                    + ": Partner Operations fulfil the request with the exception once both directors approve");
        });
        request.checkFulfillable();
        Organization partner = organizations.find(request.organizationId()).orElseThrow();
        NfrLicense license = issue(actor.userId(), partner, request.plan(), request.users());
        NfrRequest fulfilled = stored.update(request.fulfil(license.id(), actor.userId(), now()));
        audits.record(actor.userId(), "nfr_request", id, "fulfil", Map.of("status", fulfilled.status().code(), "nfr_license_id", license.id()));
        publisher.publishEvent(new NfrLicenseIssued("request", id, null, license.id(), partner.name(), license.plan().code(),
                license.users(), license.term().startsOn(), license.term().endsOn(), List.of(request.submitterId())));
        return fulfilled;
    }

    public NfrRequest find(Actor actor, long id) {
        NfrRequest request = stored.find(id).orElseThrow(() -> ApiException.notFound("NFR request " + id));
        if (!actor.isStaff() && !actor.belongsTo(request.organizationId())) { // #10: as if it did not exist
            throw ApiException.notFound("NFR request " + id);
        }
        return request;
    }

    /** PO-3: the request's audited transitions (submitted, fulfilled, superseded by an exception), for staff. */
    public CursorPage<NfrAudit> audits(Actor actor, long id, PageRequest page) {
        actor.requireStaff();
        find(actor, id);
        return CursorPage.of(audits.of("nfr_request", id, page.afterId(), page.fetchSize()), page, NfrAudit::id);
    }

    /** Staff list all (or one partner's); a partner's users list their own organization's. */
    public CursorPage<NfrRequest> page(Actor actor, PageRequest page, @Nullable Long organizationId) {
        Long scope = organizationId;
        if (!actor.isStaff()) {
            if (actor.organizationId() == null || (organizationId != null && !actor.belongsTo(organizationId))) {
                throw ApiException.forbidden("You can list only the NFR requests of your own organization.");
            }
            scope = actor.organizationId();
        }
        return CursorPage.of(stored.page(scope, page.afterId(), page.fetchSize()), page, NfrRequest::id);
    }

    /** UI-1 operations console: one status's requests (Licensing's inbox is {@code awaiting_fulfilment}), for staff. */
    public CursorPage<NfrRequest> page(Actor actor, NfrRequest.Status status, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.pageWithStatus(status, page.afterId(), page.fetchSize()), page, NfrRequest::id);
    }

    /** PO-4: a partner's standard requests an exception may still apply to (not yet served), newest last. */
    public List<NfrRequest> openRequestsOf(Actor actor, long organizationId) {
        actor.requireStaff();
        return stored.page(organizationId, 0, PageRequest.MAX_SIZE).stream().filter(NfrRequest::isOpen).toList();
    }

    /** UI-1: whether {@link #fulfil} would take this person's fulfilment (Licensing, PO-3). */
    public boolean mayFulfil(Actor actor) {
        return OwnerGroup.isMember(actor, Groups.LICENSING);
    }

    /** PO-3: the decision for this partner and number of users today, with each requirement explained. */
    public NfrEligibility eligibility(Organization partner, int users, LocalDate today) {
        int held = usersHeld(partner.id(), today) + stored.usersAwaitingFulfilment(partner.id());
        return NfrEligibility.decide(new NfrEligibility.Facts(partner.name(), partner.track(), partner.trackCompliant(),
                certifications.validFor(partner.id(), today), users, held), policy);
    }

    /** For PO-4 fulfilment: the request, locked. */
    Optional<NfrRequest> lock(long id) {
        return stored.lock(id);
    }

    NfrRequest supersede(NfrRequest request, long licenseId, long by) {
        return stored.update(request.supersede(licenseId, by, now()));
    }

    /**
     * Issues a 12-month license; a partner asking again near the end of its current license (DOMAIN-FACTS: within two
     * weeks) gets the new one from the day after the current one ends, so the two do not overlap.
     */
    NfrLicense issue(@Nullable Long by, Organization partner, Plan plan, int users) {
        LocalDate today = LocalDate.now(clock);
        LocalDate startsOn = licenses.ofOrganization(partner.id()).stream()
                .filter(l -> l.term().isActiveOn(today))
                .map(l -> l.term().endsOn().plusDays(1))
                .max(LocalDate::compareTo)
                .filter(next -> !next.isAfter(today.plusDays(policy.renewalWindowDays() + 1L)))
                .orElse(today);
        return licenses.issueFor(by, new NfrLicenses.Issue(partner.id(), plan, users, startsOn, null));
    }

    // users on licenses running past the renewal window count; a license about to end is being replaced
    private int usersHeld(long organizationId, LocalDate today) {
        LocalDate windowEnd = today.plusDays(policy.renewalWindowDays());
        return licenses.ofOrganization(organizationId).stream()
                .filter(l -> l.term().isActiveOn(today) && l.term().endsOn().isAfter(windowEnd))
                .mapToInt(NfrLicense::users).sum();
    }

    // PO-3: partners ask for NFR licenses for themselves, through their own users
    /** PO-3: users of a partner organization submit; the API asks before reading the body. */
    public void requireMaySubmit(Actor actor) {
        partnerOf(actor);
    }

    private Organization partnerOf(Actor actor) {
        Organization organization = actor.organizationId() == null ? null : organizations.find(actor.organizationId()).orElse(null);
        if (actor.isStaff() || organization == null || !organization.isPartner()) {
            throw ApiException.forbidden("Only users of a partner organization submit NFR requests, for their own organization (PO-3).");
        }
        return organization;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
