package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.IncrementalExport;
import org.partnerdesk.ticket.Audit;
import org.partnerdesk.ticket.ExportedTicket;
import org.partnerdesk.ticket.TicketExports;
import org.partnerdesk.ticket.TicketForms;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issue #17, Zendesk's incremental exports of tickets ({@code /incremental/tickets/cursor}, {@code /incremental/tickets})
 * and ticket events ({@code /incremental/ticket_events}), for administrators. A ticket has the shape of
 * {@code GET /tickets/{id}}; a deleted one says {@code "status":"deleted"}.
 */
@RestController
@RequestMapping("/api/v2/incremental")
class IncrementalTicketController {

    private final TicketExports exports;
    private final TicketJson.Shape shape;

    IncrementalTicketController(TicketExports exports, TicketForms forms) {
        this.exports = exports;
        this.shape = new TicketJson.Shape(forms);
    }

    @GetMapping("/tickets/cursor")
    TicketCursorPage ticketsByCursor(Actor actor, @RequestParam(name = "start_time", required = false) @Nullable String startTime,
                                     @RequestParam(name = "cursor", required = false) @Nullable String cursor,
                                     @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        IncrementalExport.CursorPage<ExportedTicket> page = exports.ticketsByCursor(actor, new IncrementalExport(startTime, cursor, perPage));
        String ticketsUrl = TicketJson.Shape.ticketsUrl();
        return new TicketCursorPage(page.items().stream().map(t -> json(t, actor, ticketsUrl)).toList(), cursorUrl(page.afterCursor(), perPage),
                page.afterCursor(), page.beforeCursor() == null ? null : cursorUrl(page.beforeCursor(), perPage), page.beforeCursor(),
                page.endOfStream());
    }

    @GetMapping("/tickets")
    TicketTimePage ticketsByTime(Actor actor, @RequestParam(name = "start_time", required = false) @Nullable String startTime,
                                 @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        IncrementalExport.TimePage<ExportedTicket> page = exports.ticketsByTime(actor, new IncrementalExport(startTime, null, perPage));
        String ticketsUrl = TicketJson.Shape.ticketsUrl();
        return new TicketTimePage(page.items().stream().map(t -> json(t, actor, ticketsUrl)).toList(), nextPage(page.endTime(), perPage),
                page.items().size(), page.endTime(), page.endOfStream());
    }

    @GetMapping("/ticket_events")
    TicketEventPage events(Actor actor, @RequestParam(name = "start_time", required = false) @Nullable String startTime,
                           @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        IncrementalExport.TimePage<Audit> page = exports.events(actor, new IncrementalExport(startTime, null, perPage));
        return new TicketEventPage(page.items().stream().map(TicketEventJson::of).toList(), nextPage(page.endTime(), perPage),
                page.items().size(), page.endTime(), page.endOfStream());
    }

    // a purged ticket is a tombstone; a deleted one keeps its content, as Zendesk reports it for 30 days
    private Object json(ExportedTicket exported, Actor reader, String ticketsUrl) {
        if (exported.ticket() == null) {
            return PurgedTicketJson.of(exported, ticketsUrl);
        }
        TicketJson ticket = shape.of(exported.ticket(), reader, ticketsUrl);
        return exported.isDeleted() ? ticket.deleted() : ticket;
    }

    private static String cursorUrl(String cursor, @Nullable String perPage) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/incremental/tickets/cursor.json")
                .queryParam("cursor", cursor).queryParamIfPresent("per_page", java.util.Optional.ofNullable(perPage).map(String::strip))
                .build().toUriString();
    }

    private static String nextPage(long endTime, @Nullable String perPage) {
        return ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).queryParam("start_time", endTime)
                .queryParamIfPresent("per_page", java.util.Optional.ofNullable(perPage).map(String::strip)).build().toUriString();
    }

    /** A purged ticket: its id, its dates and that it is deleted; nothing of its content is left to report. */
    record PurgedTicketJson(long id, String url, String status, Instant createdAt, Instant updatedAt) {
        static PurgedTicketJson of(ExportedTicket t, String ticketsUrl) {
            return new PurgedTicketJson(t.id(), ticketsUrl + t.id() + ".json", "deleted", t.createdAt(), t.updatedAt());
        }
    }

    /**
     * Zendesk's ticket event: one audit, its changes as child events. A child event names its field as Zendesk does
     * ({@code "status":"open"} with {@code previous_value}); a comment says whether it is public.
     */
    record TicketEventJson(long id, long ticketId, long timestamp, Instant createdAt, long updaterId, String via, String eventType,
                           List<Map<String, @Nullable Object>> childEvents) {
        static TicketEventJson of(Audit audit) {
            long eventId = audit.id() * 100; // as GET /tickets/{id}/audits numbers its events
            List<Map<String, @Nullable Object>> children = new java.util.ArrayList<>(audit.events().size());
            for (Audit.Event e : audit.events()) {
                Map<String, @Nullable Object> child = new LinkedHashMap<>();
                child.put("id", ++eventId);
                child.put("via", "api");
                child.put("event_type", e.type());
                if ("Comment".equals(e.type())) {
                    child.put("comment_public", !"internal".equals(e.reason()));
                    child.put("body", e.value());
                } else {
                    child.putIfAbsent(e.fieldName(), e.value());
                    if (!"Create".equals(e.type())) {
                        child.put("previous_value", e.previousValue());
                    }
                    child.putIfAbsent("reason", e.reason());
                }
                children.add(child);
            }
            return new TicketEventJson(audit.id(), audit.ticketId(), audit.createdAt().getEpochSecond(), audit.createdAt(), audit.authorId(),
                    "api", "Audit", children);
        }
    }

    /** One cursor-based page: {@code after_cursor} resumes after it, also at the end of the stream (the next poll). */
    record TicketCursorPage(List<Object> tickets, String afterUrl, String afterCursor, @Nullable String beforeUrl,
                            @Nullable String beforeCursor, boolean endOfStream) {
    }

    /** One time-based page: {@code next_page} asks from {@code end_time}. */
    record TicketTimePage(List<Object> tickets, String nextPage, int count, long endTime, boolean endOfStream) {
    }

    /** One page of ticket events (time-based). */
    record TicketEventPage(List<TicketEventJson> ticketEvents, String nextPage, int count, long endTime, boolean endOfStream) {
    }
}
