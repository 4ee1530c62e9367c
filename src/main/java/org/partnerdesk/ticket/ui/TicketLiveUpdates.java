package org.partnerdesk.ticket.ui;

import org.partnerdesk.console.LiveUpdates;
import org.partnerdesk.ticket.TicketChanged;
import org.partnerdesk.ticket.TicketCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * UI-1 live updates: a ticket's change becomes one PostgreSQL notice, asked for in the writing transaction and sent
 * after its commit (issue #19: the intake's transaction gains no statement).
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
