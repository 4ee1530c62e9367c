package org.partnerdesk.ticket;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.ticket.persistence.StoredQueues;
import org.springframework.stereotype.Service;

/** TKT-5 agent queues: staff only, since a queue crosses every requester and organization. */
@Service
public class TicketQueues {

    private final StoredQueues stored;
    private final Clock clock;

    TicketQueues(StoredQueues stored, Clock clock) {
        this.stored = stored;
        this.clock = clock;
    }

    /** The queue one of the console's views shows this agent now. */
    public TicketQueue view(Actor actor, AgentView view, TicketQueue.Order order) {
        return view.queue(actor, order, clock.instant());
    }

    /** A view's count stops here: past a thousand tickets an agent needs to know "more", not how many more. */
    public static final int MOST_COUNTED = 1000;

    /** How many unsolved tickets each view holds for this agent, in one query; above {@link #MOST_COUNTED} means "1,000+". */
    public Map<AgentView, Long> counts(Actor actor) {
        actor.requireStaff();
        Map<String, Long> byColumn = stored.counts(actor.userId(), clock.instant());
        Map<AgentView, Long> counts = new EnumMap<>(AgentView.class);
        for (AgentView view : AgentView.values()) {
            counts.put(view, byColumn.getOrDefault(view.code(), 0L));
        }
        return counts;
    }

    public CursorPage<QueuedTicket> page(Actor actor, TicketQueue queue, KeysetRequest page) {
        actor.requireStaff();
        KeysetRequest.Position after = page.after();
        var fetched = switch (queue.order()) {
            case ID -> stored.byId(queue, after == null ? 0 : after.id(), page.fetchSize());
            case SLA_DUE -> stored.bySlaDue(queue, after == null ? null : new StoredQueues.After(after.instantKey(), after.id()),
                    page.fetchSize());
        };
        return CursorPage.of(fetched, page, queued -> new KeysetRequest.Position(
                queue.order() == TicketQueue.Order.SLA_DUE && queued.slaDueAt() != null ? queued.slaDueAt().toString() : null,
                queued.ticket().id()));
    }
}
