package org.partnerdesk.directory;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.persistence.StoredMemberships;
import org.partnerdesk.directory.persistence.StoredMemberships.Membership;
import org.partnerdesk.directory.persistence.StoredOrganizations;
import org.partnerdesk.directory.persistence.StoredUsers;
import org.springframework.stereotype.Service;

/**
 * Issue #17: {@code /users/{id}/organization_memberships} and {@code /organizations/{id}/organization_memberships}, scoped
 * as the show endpoints are (#10): staff see every one; an end user its own user and organization, others answering 404
 * as records that do not exist. Within its organization an end user sees its own membership, and a partner's user all of
 * them, as it lists its organization's users (#15).
 */
@Service
public class MembershipLists {

    private final StoredMemberships memberships;
    private final StoredUsers users;
    private final StoredOrganizations organizations;

    MembershipLists(StoredMemberships memberships, StoredUsers users, StoredOrganizations organizations) {
        this.memberships = memberships;
        this.users = users;
        this.organizations = organizations;
    }

    public CursorPage<Membership> ofUser(Actor actor, long userId, PageRequest page) {
        if (!actor.isStaff() && actor.userId() != userId || users.find(userId).isEmpty()) {
            throw ApiException.notFound("User " + userId);
        }
        return CursorPage.of(memberships.page(page.afterId(), page.fetchSize(), null, userId), page, Membership::id);
    }

    public CursorPage<Membership> ofOrganization(Actor actor, long organizationId, PageRequest page) {
        Organization organization = organizations.find(organizationId)
                .filter(found -> actor.isStaff() || actor.belongsTo(found.id()))
                .orElseThrow(() -> ApiException.notFound("Organization " + organizationId));
        Long onlyOf = actor.isStaff() || organization.isPartner() ? null : actor.userId();
        return CursorPage.of(memberships.page(page.afterId(), page.fetchSize(), organizationId, onlyOf), page, Membership::id);
    }
}
