package org.partnerdesk.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.persistence.DirectoryAudits;
import org.partnerdesk.directory.persistence.StoredNfrLicenses;
import org.partnerdesk.directory.persistence.StoredNfrLicenses.Values;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DIR-6 NFR licenses of partner organizations: admins issue them, staff read, a partner's users read its own. */
@Service
public class NfrLicenses {

    private final StoredNfrLicenses stored;
    private final StoredOrganizations organizations;
    private final DirectoryAudits audits;
    private final Clock clock;
    private final Plan defaultPlan;
    private final int termMonths;

    NfrLicenses(StoredNfrLicenses stored, StoredOrganizations organizations, DirectoryAudits audits, Clock clock,
                @Value("${partnerdesk.nfr.default-plan:ultimate}") String defaultPlan,
                @Value("${partnerdesk.nfr.term-months:12}") int termMonths) {
        this.stored = stored;
        this.organizations = organizations;
        this.audits = audits;
        this.clock = clock;
        this.defaultPlan = Plan.fromCode(defaultPlan).orElseThrow(() ->
                new IllegalStateException("partnerdesk.nfr.default-plan must be one of " + Plan.CODES));
        this.termMonths = termMonths;
    }

    /** What an admin asks for; absent plan and dates take the defaults (DOMAIN-FACTS: Ultimate, 12 months, from today). */
    public record Issue(long organizationId, @Nullable Plan plan, int users, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
    }

    @Transactional
    public NfrLicense issue(Actor actor, Issue issue) {
        actor.requireAdmin();
        return issueFor(actor.userId(), issue);
    }

    /**
     * For other modules' workflows (PO-3 and PO-4 fulfilment, renewals), which authorize the caller themselves;
     * {@code issuedBy} is who fulfilled it, null for the desk's own jobs. The DIR-6 checks hold as for an admin.
     */
    @Transactional
    public NfrLicense issueFor(@Nullable Long issuedBy, Issue issue) {
        Organization organization = organizations.findForUpdate(issue.organizationId()).orElseThrow(() ->
                ApiException.invalid("organization_id", "not_found", "names no organization (" + issue.organizationId() + ")"));
        // DIR-6: NFR licenses serve a partner's internal training, testing and demos; the locked row keeps it a partner meanwhile
        if (!organization.isPartner()) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_6, "organization_id", organization.describe()
                    + " is not a partner: NFR licenses are issued to partner organizations only. A customer is served under a subscription.");
        }
        Values values = withDefaults(issue);
        if (values.term().endsBeforeItStarts()) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_6, "ends_on", "ends on " + values.term().endsOn()
                    + ", before the license starts on " + values.term().startsOn() + ". Give an end date on or after the start.");
        }
        NfrLicense created = stored.insert(values);
        audits.record(issuedBy, "nfr_license", created.id(), "create", Map.of("values", values));
        return created;
    }

    public NfrLicense find(Actor actor, long id) {
        NfrLicense license = stored.find(id).orElseThrow(() -> ApiException.notFound("NFR license " + id));
        if (!actor.isStaff() && !actor.belongsTo(license.organizationId())) { // #10: as if it did not exist
            throw ApiException.notFound("NFR license " + id);
        }
        return license;
    }

    public CursorPage<NfrLicense> page(Actor actor, PageRequest page, @Nullable Long organizationId) {
        if (!actor.isStaff() && !actor.belongsTo(organizationId)) {
            throw ApiException.forbidden("You can list only the NFR licenses of your own organization: give its organization_id.");
        }
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize(), organizationId), page, NfrLicense::id);
    }

    /** For other modules, which apply their own authorization (ENT-5 serves training tickets under these). */
    public List<NfrLicense> ofOrganization(long organizationId) {
        return stored.ofOrganization(organizationId);
    }

    private Values withDefaults(Issue issue) {
        LocalDate startsOn = issue.startsOn() != null ? issue.startsOn() : LocalDate.now(clock);
        LocalDate endsOn = issue.endsOn() != null ? issue.endsOn() : startsOn.plusMonths(termMonths);
        return new Values(issue.organizationId(), issue.plan() != null ? issue.plan() : defaultPlan, issue.users(),
                new Term(startsOn, endsOn));
    }

    /** For other modules: licenses whose last day falls between the two days, both included (PO-3 renewals). */
    public List<NfrLicense> endingBetween(LocalDate from, LocalDate to) {
        return stored.endingBetween(from, to);
    }
}
