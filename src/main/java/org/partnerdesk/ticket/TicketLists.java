package org.partnerdesk.ticket;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.ticket.persistence.StoredTicketLists;
import org.springframework.stereotype.Service;

/**
 * UI-1 user and organization pages: the tickets of one requester, organization or partner, newest first. Staff only, since
 * such a list crosses what one end user may see. {@code PageRequest.afterId} is the last (oldest) id of the page before.
 */
@Service
public class TicketLists {

    private final StoredTicketLists stored;

    TicketLists(StoredTicketLists stored) {
        this.stored = stored;
    }

    public CursorPage<Ticket> requestedBy(Actor actor, long userId, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.requestedBy(userId, page.afterId(), page.fetchSize()), page, Ticket::id);
    }

    public CursorPage<Ticket> ofOrganization(Actor actor, long organizationId, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.ofOrganization(organizationId, page.afterId(), page.fetchSize()), page, Ticket::id);
    }

    /** ENT-1..6: what a partner's people submitted for other organizations, their customers. */
    public CursorPage<Ticket> submittedForCustomersBy(Actor actor, long partnerId, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.submittedForOthersBy(partnerId, page.afterId(), page.fetchSize()), page, Ticket::id);
    }
}
