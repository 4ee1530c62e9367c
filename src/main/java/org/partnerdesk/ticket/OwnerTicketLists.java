package org.partnerdesk.ticket;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.persistence.StoredOwnerTicketLists;
import org.springframework.stereotype.Service;

/**
 * Issue #17: Zendesk's lists per owner ({@code /organizations/{id}/tickets}, {@code /users/{id}/tickets/requested} and
 * {@code /ccd}), oldest first. Staff list every ticket of an owner that exists; anyone else gets the owner's tickets they
 * may see by API-2 (their own, their sharing organization's, what a partner submitted or is CC'd on), so an owner they
 * know nothing of answers an empty list exactly as one that does not exist: ids cannot be probed (#10).
 */
@Service
public class OwnerTicketLists {

    private final StoredOwnerTicketLists stored;
    private final Organizations organizations;
    private final Users users;

    OwnerTicketLists(StoredOwnerTicketLists stored, Organizations organizations, Users users) {
        this.stored = stored;
        this.organizations = organizations;
        this.users = users;
    }

    public CursorPage<Ticket> ofOrganization(Actor actor, long organizationId, PageRequest page) {
        if (actor.isStaff()) {
            organizations.find(organizationId).orElseThrow(() -> ApiException.notFound("Organization " + organizationId));
            return CursorPage.of(stored.ofOrganization(organizationId, page.afterId(), page.fetchSize()), page, Ticket::id);
        }
        return CursorPage.of(stored.ofOrganizationVisibleTo(organizationId, actor.userId(), actor.organizationId(), page.afterId(),
                page.fetchSize()), page, Ticket::id);
    }

    public CursorPage<Ticket> requestedBy(Actor actor, long userId, PageRequest page) {
        if (actor.isStaff()) {
            checkUserExists(userId);
            return CursorPage.of(stored.requestedBy(userId, page.afterId(), page.fetchSize()), page, Ticket::id);
        }
        return CursorPage.of(stored.requestedByVisibleTo(userId, actor.userId(), actor.organizationId(), page.afterId(),
                page.fetchSize()), page, Ticket::id);
    }

    public CursorPage<Ticket> copying(Actor actor, long userId, PageRequest page) {
        if (actor.isStaff()) {
            checkUserExists(userId);
            return CursorPage.of(stored.copying(userId, page.afterId(), page.fetchSize()), page, Ticket::id);
        }
        return CursorPage.of(stored.copyingVisibleTo(userId, actor.userId(), actor.organizationId(), page.afterId(),
                page.fetchSize()), page, Ticket::id);
    }

    /** Issue #17: the counts of the lists above, for the same people and by the same rules (an unknown owner counts 0 for non-staff). */
    public long countOfOrganization(Actor actor, long organizationId) {
        if (actor.isStaff()) {
            organizations.find(organizationId).orElseThrow(() -> ApiException.notFound("Organization " + organizationId));
            return stored.countOfOrganization(organizationId, null, null);
        }
        return stored.countOfOrganization(organizationId, actor.userId(), actor.organizationId());
    }

    public long countRequestedBy(Actor actor, long userId) {
        if (actor.isStaff()) {
            checkUserExists(userId);
            return stored.countRequestedBy(userId, null, null);
        }
        return stored.countRequestedBy(userId, actor.userId(), actor.organizationId());
    }

    public long countCopying(Actor actor, long userId) {
        if (actor.isStaff()) {
            checkUserExists(userId);
            return stored.countCopying(userId, null, null);
        }
        return stored.countCopying(userId, actor.userId(), actor.organizationId());
    }

    private void checkUserExists(long userId) {
        users.find(userId).orElseThrow(() -> ApiException.notFound("User " + userId));
    }
}
