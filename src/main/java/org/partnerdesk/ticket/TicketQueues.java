package org.partnerdesk.ticket;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.ticket.persistence.StoredQueues;
import org.springframework.stereotype.Service;

/** TKT-5 agent queues: staff only, since a queue crosses every requester and organization. */
@Service
public class TicketQueues {

    private final StoredQueues stored;

    TicketQueues(StoredQueues stored) {
        this.stored = stored;
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
