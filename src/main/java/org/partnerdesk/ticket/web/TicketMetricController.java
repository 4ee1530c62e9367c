package org.partnerdesk.ticket.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.ticket.TicketMetrics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Issue #17 item 6: {@code /api/v2/tickets/{id}/metrics} and {@code /api/v2/ticket_metrics}, Zendesk's ticket metrics, for staff. */
@RestController
class TicketMetricController {

    private final TicketMetrics metrics;

    TicketMetricController(TicketMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/api/v2/tickets/{id}/metrics")
    TicketMetricResponse ofTicket(Actor actor, @PathVariable long id) {
        return new TicketMetricResponse(TicketMetricJson.of(metrics.ofTicket(actor, id)));
    }

    @GetMapping("/api/v2/ticket_metrics/{id}")
    TicketMetricResponse show(Actor actor, @PathVariable long id) {
        return new TicketMetricResponse(TicketMetricJson.of(metrics.ofTicket(actor, id)));
    }

    @GetMapping("/api/v2/ticket_metrics")
    TicketMetricPage list(Actor actor, HttpServletRequest request) {
        actor.requireStaff(); // authorize before reading the page parameters
        return metrics.page(actor, PageRequest.from(request)).body(TicketMetricJson::of, request, TicketMetricPage::new);
    }

    record TicketMetricResponse(TicketMetricJson ticketMetric) {
    }

    record TicketMetricPage(List<TicketMetricJson> ticketMetrics, CursorPage.Meta meta, CursorPage.Links links,
                            @Nullable String nextPage) {
    }
}
