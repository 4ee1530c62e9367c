package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketQueue;
import org.partnerdesk.ticket.TicketQueues;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v2/views/tickets} (TKT-5): agent queues filtered by status, group, assignee, organization, partner
 * and decision flag, most urgent SLA first or by id, in cursor pages.
 */
@RestController
@RequestMapping("/api/v2/views")
class ViewController {

    private final TicketQueues queues;
    private final TicketJson.Shape shape;

    ViewController(TicketQueues queues, TicketForms forms) {
        this.queues = queues;
        this.shape = new TicketJson.Shape(forms);
    }

    @GetMapping("/tickets")
    QueuePage tickets(Actor actor, HttpServletRequest request) {
        actor.requireStaff();
        TicketQueue queue = new TicketQueue(statuses(request.getParameter("status")), id(request, "group_id"), assignee(request),
                "none".equals(request.getParameter("assignee_id")), id(request, "organization_id"), id(request, "partner_id"),
                flag(request.getParameter("flag")), order(request.getParameter("sort")));
        return queues.page(actor, queue, KeysetRequest.from(request))
                .body(queued -> new QueuedTicketJson(shape.of(queued.ticket(), actor), queued.slaDueAt()), request, QueuePage::new);
    }

    /** A ticket in a queue, with the time its most urgent SLA clock breaches (none when no clock runs). */
    record QueuedTicketJson(@JsonUnwrapped TicketJson ticket, @Nullable Instant slaDueAt) {
    }

    /** One cursor page of a queue (TKT-5). */
    record QueuePage(List<QueuedTicketJson> tickets, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }

    private static Set<TicketStatus> statuses(@Nullable String value) {
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        if (value == null || value.isBlank()) {
            return statuses;
        }
        for (String code : value.split(",")) {
            try {
                statuses.add(TicketStatus.of(code.strip()));
            } catch (IllegalArgumentException e) {
                throw invalid("status", "status takes a comma list of " + codes(TicketStatus.values()) + ", not \"" + code.strip() + "\".");
            }
        }
        return statuses;
    }

    private static @Nullable Long assignee(HttpServletRequest request) {
        return "none".equals(request.getParameter("assignee_id")) ? null : id(request, "assignee_id");
    }

    private static @Nullable Long id(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, name + " takes a numeric id" + (name.equals("assignee_id") ? " or none" : "") + ", not \"" + value + "\".");
        }
    }

    private static @Nullable Flag flag(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Flag flag : Flag.values()) {
            if (flag.code().equals(value.strip())) {
                return flag;
            }
        }
        throw invalid("flag", "flag takes one of " + String.join(", ", List.of(Flag.values()).stream().map(Flag::code).toList())
                + ", not \"" + value + "\".");
    }

    private static TicketQueue.Order order(@Nullable String value) {
        if (value == null || value.isBlank() || value.equals("sla_due")) {
            return TicketQueue.Order.SLA_DUE;
        }
        if (value.equals("id")) {
            return TicketQueue.Order.ID;
        }
        throw invalid("sort", "sort takes sla_due or id, not \"" + value + "\".");
    }

    private static String codes(TicketStatus[] statuses) {
        return String.join(", ", List.of(statuses).stream().map(TicketStatus::code).toList());
    }

    private static ApiException invalid(String field, String description) {
        return new ApiException(400, "InvalidParameter", description, Map.of(field, List.of(new ApiException.FieldError(description, "invalid"))));
    }
}
