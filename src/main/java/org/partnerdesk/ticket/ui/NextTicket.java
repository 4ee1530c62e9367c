package org.partnerdesk.ticket.ui;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.ticket.TicketQueue;
import org.partnerdesk.ticket.TicketQueues;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.stereotype.Component;

/**
 * UI-1: after a Submit the agent goes on to the most urgent ticket of the queue they came from ({@code ?view=}, TKT-5),
 * new and open tickets by SLA due when they name none. Reads at most two queue rows.
 */
@Component
class NextTicket {

    static final String DEFAULT_VIEW = "new-and-open";
    private static final Set<TicketStatus> WORKING = Set.of(TicketStatus.NEW, TicketStatus.OPEN);

    private final TicketQueues queues;

    NextTicket(TicketQueues queues) {
        this.queues = queues;
    }

    /** The ticket to open after {@code current}, if the queue holds another. */
    Optional<Long> after(Actor actor, @Nullable String view, long current) {
        return queues.page(actor, queue(actor, view), new KeysetRequest(2, null)).items().stream()
                .map(queued -> queued.ticket().id()).filter(id -> id != current).findFirst();
    }

    /** The view's name as the page passes it on: a known one, else the default. */
    static String known(@Nullable String view) {
        return view != null && switch (view) {
            case "mine", "unassigned", "needs_org", "no_entitlement" -> true;
            default -> false;
        } ? view : DEFAULT_VIEW;
    }

    // TKT-5: the views a queue link may name; each is a working queue (new and open) sorted by SLA due
    private static TicketQueue queue(Actor actor, @Nullable String view) {
        return switch (known(view)) {
            case "mine" -> new TicketQueue(WORKING, null, actor.userId(), false, null, null, null, TicketQueue.Order.SLA_DUE);
            case "unassigned" -> new TicketQueue(WORKING, null, null, true, null, null, null, TicketQueue.Order.SLA_DUE);
            case "needs_org" -> new TicketQueue(WORKING, null, null, false, null, null, Flag.NEEDS_ORG, TicketQueue.Order.SLA_DUE);
            case "no_entitlement" -> new TicketQueue(WORKING, null, null, false, null, null, Flag.NO_ENTITLEMENT, TicketQueue.Order.SLA_DUE);
            default -> new TicketQueue(WORKING, null, null, false, null, null, null, TicketQueue.Order.SLA_DUE);
        };
    }
}
