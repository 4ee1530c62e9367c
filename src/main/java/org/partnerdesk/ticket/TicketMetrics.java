package org.partnerdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.sla.Slas;
import org.partnerdesk.ticket.persistence.StoredTicketMetrics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue #17 item 6: Zendesk's ticket metrics, for staff. Computed when read from the ticket's audits and comments (one
 * page of tickets in a fixed number of statements), so they can never disagree with the history they describe; business
 * minutes come from the SLA module's calendar (TKT-4). A metric's id is its ticket's id: one metric per ticket.
 */
@Service
public class TicketMetrics {

    private final StoredTicketMetrics stored;
    private final Slas slas;
    private final Clock clock;

    TicketMetrics(StoredTicketMetrics stored, Slas slas, Clock clock) {
        this.stored = stored;
        this.slas = slas;
        this.clock = clock;
    }

    /** {@code GET /tickets/{id}/metrics} and {@code GET /ticket_metrics/{id}}. */
    @Transactional(readOnly = true)
    public TicketMetric ofTicket(Actor actor, long ticketId) {
        actor.requireStaff(); // reply and wait times are the desk's own measures, as the ticket's audits are
        Instant now = clock.instant();
        return stored.history(ticketId, Tickets.DESK_EMAIL).map(h -> TicketMetric.of(h, now, slas::businessTimeBetween))
                .orElseThrow(() -> ApiException.notFound("Ticket " + ticketId));
    }

    /** {@code GET /ticket_metrics}: every ticket's metric, by ticket id. */
    @Transactional(readOnly = true)
    public CursorPage<TicketMetric> page(Actor actor, PageRequest page) {
        actor.requireStaff();
        Instant now = clock.instant();
        List<TicketMetric> fetched = stored.histories(page.afterId(), page.fetchSize(), Tickets.DESK_EMAIL).stream()
                .map(h -> TicketMetric.of(h, now, slas::businessTimeBetween)).toList();
        return CursorPage.of(fetched, page, TicketMetric::ticketId);
    }
}
