package org.partnerdesk.directory;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.persistence.DirectoryAudits;
import org.partnerdesk.directory.persistence.StoredMemberships;
import org.partnerdesk.directory.persistence.StoredMemberships.Membership;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DIR-2 a user belongs to one organization; DIR-3 and DIR-4 decide who may join which. */
@Service
public class OrganizationMemberships {

    private final StoredMemberships stored;
    private final StoredUsers users;
    private final StoredOrganizations organizations;
    private final AssociationRules rules;
    private final DirectoryAudits audits;

    OrganizationMemberships(StoredMemberships stored, StoredUsers users, StoredOrganizations organizations,
                            AssociationRules rules, DirectoryAudits audits) {
        this.stored = stored;
        this.users = users;
        this.organizations = organizations;
        this.rules = rules;
        this.audits = audits;
    }

    @Transactional
    public Membership create(Actor actor, long userId, long organizationId) {
        actor.requireStaff();
        User user = users.find(userId).orElseThrow(() -> ApiException.invalid("user_id", "not_found", "names no user (" + userId + ")"));
        Organization target = organizations.findForUpdate(organizationId).orElseThrow(() ->
                ApiException.invalid("organization_id", "not_found", "names no organization (" + organizationId + ")"));
        rules.checkMayChangeMembers(actor, target);
        if (user.organizationId() != null) {
            if (user.organizationId() == organizationId) {
                return stored.ofUser(userId).orElseThrow();
            }
            Organization current = organizations.find(user.organizationId()).orElseThrow();
            // DIR-3 before DIR-2: "remove that membership first" must not be the advice for a move DIR-3 forbids
            rules.checkSameSide(AssociationRules.Candidate.of(user), current, target);
            throw DirectoryRuleViolation.invalid(DirectoryRule.DIR_2, "user_id", user.email() + " already belongs to "
                    + current.describe() + "; a user belongs to one organization. Remove that membership first.");
        }
        rules.checkJoin(actor, AssociationRules.Candidate.of(user), null, target);
        Membership created = stored.insert(userId, organizationId);
        audits.record(actor.userId(), "organization_membership", created.id(), "create",
                Map.of("user_id", userId, "organization_id", organizationId));
        return created;
    }

    @Transactional
    public void delete(Actor actor, long id) {
        actor.requireStaff();
        Membership membership = stored.find(id).orElseThrow(() -> ApiException.notFound("Organization membership " + id));
        Organization organization = organizations.findForUpdate(membership.organizationId()).orElseThrow();
        rules.checkMayChangeMembers(actor, organization);
        stored.delete(id);
        audits.record(actor.userId(), "organization_membership", id, "delete",
                Map.of("user_id", membership.userId(), "organization_id", membership.organizationId()));
    }

    /** UI-1 (#16): whether {@link #create} and {@link #delete} would let this person change the organization's members (DIR-4). */
    public boolean mayChangeMembers(Actor actor, Organization organization) {
        return actor.isAdmin() && !organization.isAlliance() || organization.isAlliance() && actor.isMemberOf(AssociationRules.SUPPORT_MANAGERS);
    }

    /** UI-1 (#16): the membership of this user, for a page that names members by user; staff only, as the list is. */
    public java.util.Optional<Membership> ofUser(Actor actor, long userId) {
        actor.requireStaff();
        return stored.ofUser(userId);
    }

    public Membership find(Actor actor, long id) {
        Membership membership = stored.find(id).orElseThrow(() -> ApiException.notFound("Organization membership " + id));
        if (!actor.isStaff() && actor.userId() != membership.userId()) { // #10: as if it did not exist
            throw ApiException.notFound("Organization membership " + id);
        }
        return membership;
    }

    public CursorPage<Membership> page(Actor actor, PageRequest page, @Nullable Long organizationId, @Nullable Long userId) {
        boolean own = userId != null && userId == actor.userId();
        if (!actor.isStaff() && !own) {
            throw ApiException.forbidden("You can list only your own memberships.");
        }
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize(), organizationId, userId), page, Membership::id);
    }
}
