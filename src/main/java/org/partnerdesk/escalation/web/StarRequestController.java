package org.partnerdesk.escalation.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.escalation.StarRequest;
import org.partnerdesk.escalation.StarRequests;
import org.partnerdesk.escalation.Urgency;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/star_requests} (TKT-7): star a ticket for the on-call support manager, read and unstar it. */
@RestController
@RequestMapping("/api/v2/star_requests")
class StarRequestController {

    private static final int TEXT = 4_000;

    private final StarRequests stars;

    StarRequestController(StarRequests stars) {
        this.stars = stars;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StarRequestResponse star(Actor actor, @RequestBody JsonNode body) {
        stars.requireMayStar(actor); // authorize before validating: a partner hears 403, not which fields are missing
        JsonBody request = JsonBody.root(body, "star_request");
        Long ticketId = request.requiredId("ticket_id");
        String urgency = request.requiredOneOf("urgency", Urgency.CODES);
        String plan = request.requiredText("plan", TEXT);
        String reason = request.requiredText("reason", TEXT);
        String desiredResult = request.requiredText("desired_result", TEXT);
        request.throwIfInvalid();
        StarRequests.Ask ask = new StarRequests.Ask(Urgency.fromCode(urgency).orElseThrow(), plan, reason, desiredResult);
        return new StarRequestResponse(StarRequestJson.of(stars.star(actor, ticketId, ask)));
    }

    @GetMapping("/{id}")
    StarRequestResponse show(Actor actor, @PathVariable long id) {
        return new StarRequestResponse(StarRequestJson.of(stars.find(actor, id)));
    }

    @GetMapping
    StarRequestPage list(Actor actor, @RequestParam(name = "ticket_id", required = false) @Nullable Long ticketId,
                             HttpServletRequest request) {
        return stars.page(actor, ticketId, PageRequest.from(request)).body(StarRequestJson::of, request, StarRequestPage::new);
    }

    @PostMapping("/{id}/unstar")
    StarRequestResponse unstar(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        stars.requireMayUnstar(actor, id);
        JsonBody request = JsonBody.root(body, "unstar");
        String reason = request.text("reason", TEXT);
        String alternativePath = request.text("alternative_path", TEXT);
        request.throwIfInvalid();
        return new StarRequestResponse(StarRequestJson.of(stars.unstar(actor, id, reason, alternativePath)));
    }

    record StarRequestJson(long id, long ticketId, long requestedById, String urgency, String plan, String reason, String desiredResult,
                           long assigneeId, Instant respondBy, String status, @Nullable String unstarReason,
                           @Nullable String alternativePath, Instant createdAt, Instant updatedAt) {
        static StarRequestJson of(StarRequest star) {
            return new StarRequestJson(star.id(), star.ticketId(), star.requestedBy(), star.urgency().code(), star.plan(), star.reason(),
                    star.desiredResult(), star.assigneeId(), star.respondBy(), star.status().code(), star.unstarReason(),
                    star.alternativePath(), star.createdAt(), star.updatedAt());
        }
    }

    /** The root object of one STAR request (TKT-7). */
    record StarRequestResponse(StarRequestJson starRequest) {
    }

    /** One cursor page of STAR requests (API-1). */
    record StarRequestPage(List<StarRequestJson> starRequests, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
