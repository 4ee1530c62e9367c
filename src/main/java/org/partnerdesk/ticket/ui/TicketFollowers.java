package org.partnerdesk.ticket.ui;

import org.partnerdesk.api.Actor;
import org.partnerdesk.console.LiveAudience;
import org.partnerdesk.ticket.Tickets;
import org.springframework.stereotype.Component;

/** UI-1 live updates: a ticket's events reach only who may open the ticket, by the API's own check (API-2). */
@Component
class TicketFollowers implements LiveAudience {

    private final Tickets tickets;

    TicketFollowers(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public void checkMayFollowTicket(Actor actor, long ticketId) {
        tickets.find(actor, ticketId);
    }
}
