package org.partnerdesk.ticket;

import java.time.Clock;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.IncrementalExport;
import org.partnerdesk.api.IncrementalExport.Position;
import org.partnerdesk.ticket.persistence.StoredTicketExports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue #17, Zendesk's incremental exports of tickets and ticket events: every ticket, deleted ones reported as deleted,
 * for administrators only (as in Zendesk: an export holds every customer's tickets, internal notes included).
 */
@Service
public class TicketExports {

    private final StoredTicketExports stored;
    private final Clock clock;

    TicketExports(StoredTicketExports stored, Clock clock) {
        this.stored = stored;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public IncrementalExport.CursorPage<ExportedTicket> ticketsByCursor(Actor actor, IncrementalExport request) {
        actor.requireAdmin();
        return request.byCursor(clock, stored::changed, TicketExports::position);
    }

    @Transactional(readOnly = true)
    public IncrementalExport.TimePage<ExportedTicket> ticketsByTime(Actor actor, IncrementalExport request) {
        actor.requireAdmin();
        return request.withoutCursor().byTime(clock, stored::changed, TicketExports::position);
    }

    /** The audits, oldest first, as Zendesk's ticket events (time-based only, as in Zendesk). */
    @Transactional(readOnly = true)
    public IncrementalExport.TimePage<Audit> events(Actor actor, IncrementalExport request) {
        actor.requireAdmin();
        return request.withoutCursor().byTime(clock, stored::audits, a -> new Position(a.createdAt(), a.id()));
    }

    private static Position position(ExportedTicket t) {
        return new Position(t.updatedAt(), t.id());
    }
}
