package org.partnerdesk.ticket.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.ticket.OwnerTicketLists;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.web.TicketController.TicketPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue #17: Zendesk's ticket lists per organization, requester and CC, paged as {@code GET /tickets} (API-1, API-2). */
@RestController
@RequestMapping("/api/v2")
class OwnerTicketListController {

    private final OwnerTicketLists lists;
    private final TicketJson.Shape shape;

    OwnerTicketListController(OwnerTicketLists lists, TicketForms forms) {
        this.lists = lists;
        this.shape = new TicketJson.Shape(forms);
    }

    @GetMapping("/organizations/{organizationId}/tickets")
    TicketPage ofOrganization(Actor actor, @PathVariable long organizationId, HttpServletRequest request) {
        return lists.ofOrganization(actor, organizationId, PageRequest.from(request)).body(t -> shape.of(t, actor), request, TicketPage::new);
    }

    @GetMapping("/users/{userId}/tickets/requested")
    TicketPage requestedBy(Actor actor, @PathVariable long userId, HttpServletRequest request) {
        return lists.requestedBy(actor, userId, PageRequest.from(request)).body(t -> shape.of(t, actor), request, TicketPage::new);
    }

    @GetMapping("/users/{userId}/tickets/ccd")
    TicketPage copying(Actor actor, @PathVariable long userId, HttpServletRequest request) {
        return lists.copying(actor, userId, PageRequest.from(request)).body(t -> shape.of(t, actor), request, TicketPage::new);
    }

    @GetMapping("/organizations/{organizationId}/tickets/count")
    CountResponse countOfOrganization(Actor actor, @PathVariable long organizationId) {
        return CountResponse.of(lists.countOfOrganization(actor, organizationId));
    }

    @GetMapping("/users/{userId}/tickets/requested/count")
    CountResponse countRequestedBy(Actor actor, @PathVariable long userId) {
        return CountResponse.of(lists.countRequestedBy(actor, userId));
    }

    @GetMapping("/users/{userId}/tickets/ccd/count")
    CountResponse countCopying(Actor actor, @PathVariable long userId) {
        return CountResponse.of(lists.countCopying(actor, userId));
    }

    /** Zendesk's count: {@code {"count":{"value":12,"refreshed_at":"…"}}}; the desk counts exactly, so refreshed now. */
    record CountResponse(Count count) {

        static CountResponse of(long value) {
            return new CountResponse(new Count(value, WholeSeconds.of(Instant.now())));
        }
    }

    record Count(long value, String refreshedAt) {
    }
}
