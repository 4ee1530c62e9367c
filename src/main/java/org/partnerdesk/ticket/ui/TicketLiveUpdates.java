package org.partnerdesk.ticket.ui;

import org.partnerdesk.console.LiveUpdates;
import org.partnerdesk.ticket.TicketChanged;
import org.partnerdesk.ticket.TicketCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * UI-1 live updates: a ticket's change becomes one PostgreSQL notice, sent in the writing transaction (so at its commit)
 * on the writer's own connection: the intake path gains one statement and no query.
 */
@Component
class TicketLiveUpdates {

    private final LiveUpdates live;

    TicketLiveUpdates(LiveUpdates live) {
        this.live = live;
    }

    @EventListener
    void on(TicketCreated created) {
        live.ticketCreated(created.ticketId());
    }

    @EventListener
    void on(TicketChanged changed) {
        live.ticketChanged(changed.ticketId(), changed.changedBy());
    }
}
