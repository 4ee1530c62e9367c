package org.partnerdesk.ticket.ui;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.ticket.AgentView;
import org.partnerdesk.ticket.TicketQueue;
import org.partnerdesk.ticket.TicketQueues;
import org.springframework.stereotype.Component;

/**
 * UI-1: after a Submit the agent goes on to the most urgent ticket of the queue they came from ({@code ?view=}, TKT-5),
 * the new and open tickets when they name none. Reads at most two queue rows.
 */
@Component
class NextTicket {

    static final String DEFAULT_VIEW = AgentView.NEW_AND_OPEN.code();

    private final TicketQueues queues;
    private final Clock clock;

    NextTicket(TicketQueues queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    /** The ticket to open after {@code current}, if the queue holds another. */
    Optional<Long> after(Actor actor, @Nullable String view, long current) {
        TicketQueue queue = AgentView.of(known(view)).orElseThrow().queue(actor, TicketQueue.Order.SLA_DUE, clock.instant());
        return queues.page(actor, queue, new KeysetRequest(2, null)).items().stream()
                .map(queued -> queued.ticket().id()).filter(id -> id != current).findFirst();
    }

    /** The view's name as the page passes it on: one of the queue's views (TKT-5), else the default. */
    static String known(@Nullable String view) {
        return view != null && AgentView.of(view).isPresent() ? view : DEFAULT_VIEW;
    }
}
