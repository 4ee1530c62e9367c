package org.partnerdesk.directory;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.persistence.DirectoryAudits;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredSubscriptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DIR-5 subscriptions: admins write, staff read, an end user reads its own organization's. */
@Service
public class Subscriptions {

    private final StoredSubscriptions stored;
    private final StoredOrganizations organizations;
    private final DirectoryAudits audits;

    Subscriptions(StoredSubscriptions stored, StoredOrganizations organizations, DirectoryAudits audits) {
        this.stored = stored;
        this.organizations = organizations;
        this.audits = audits;
    }

    @Transactional
    public Subscription create(Actor actor, SubscriptionTerms values) {
        actor.requireAdmin();
        check(values);
        Subscription created = stored.insert(values);
        audits.record(actor.userId(), "subscription", created.id(), "create", Map.of("values", values));
        return created;
    }

    @Transactional
    public Subscription update(Actor actor, long id, SubscriptionTerms values) {
        actor.requireAdmin();
        Subscription before = stored.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Subscription " + id));
        check(values);
        Subscription after = stored.update(id, values);
        audits.record(actor.userId(), "subscription", id, "update", Map.of("before", SubscriptionTerms.of(before), "after", values));
        return after;
    }

    public Subscription find(Actor actor, long id) {
        Subscription subscription = stored.find(id).orElseThrow(() -> ApiException.notFound("Subscription " + id));
        if (!actor.isStaff() && !actor.belongsTo(subscription.organizationId())) { // #10: as if it did not exist
            throw ApiException.notFound("Subscription " + id);
        }
        return subscription;
    }

    public CursorPage<Subscription> page(Actor actor, PageRequest page, @Nullable Long organizationId) {
        if (!actor.isStaff() && !actor.belongsTo(organizationId)) {
            throw ApiException.forbidden("You can list only the subscriptions of your own organization: give its organization_id.");
        }
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize(), organizationId), page, Subscription::id);
    }

    /** For other modules, which apply their own authorization (the entitlement decision reads these). */
    public List<Subscription> ofOrganization(long organizationId) {
        return stored.ofOrganization(organizationId);
    }

    private void check(SubscriptionTerms values) {
        // locked, so the organization cannot become internal while it is given a subscription
        Organization holder = organizations.findForUpdate(values.organizationId()).orElseThrow(() -> ApiException.invalid(
                "organization_id", "not_found", "names no organization (" + values.organizationId() + ")"));
        // DIR-5: the vendor's own staff are not sold a plan; customers and partners are
        if (holder.type() == OrganizationType.INTERNAL) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_5, "organization_id", holder.name()
                    + " is an internal organization (the vendor's staff); subscriptions are for customer and partner organizations only.");
        }
        if (values.term().endsBeforeItStarts()) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_5, "ends_on", "ends on " + values.term().endsOn()
                    + ", before the subscription starts on " + values.term().startsOn() + ". Give an end date on or after the start.");
        }
        if (values.purchasedThroughOrganizationId() != null) {
            checkBoughtThroughAPartner(values.purchasedThroughOrganizationId());
        }
    }

    // DIR-5: only a partner can be the one named on the opportunity; the row stays locked so it cannot stop being one meanwhile
    private void checkBoughtThroughAPartner(long organizationId) {
        Organization seller = organizations.findForUpdate(organizationId).orElseThrow(() -> ApiException.invalid(
                "purchased_through_organization_id", "not_found", "names no organization (" + organizationId + ")"));
        if (!seller.isPartner()) {
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_5, "purchased_through_organization_id", seller.describe()
                    + " is not a partner; name the partner on the opportunity, or leave it empty for a direct purchase.");
        }
    }
}
