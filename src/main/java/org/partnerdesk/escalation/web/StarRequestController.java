package org.partnerdesk.escalation.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
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
    Map<String, Object> star(Actor actor, @RequestBody JsonNode body) {
        stars.requireMayStar(actor); // authorize before validating: a partner hears 403, not which fields are missing
        JsonBody request = JsonBody.root(body, "star_request");
        Long ticketId = request.requiredId("ticket_id");
        String urgency = request.requiredOneOf("urgency", Urgency.CODES);
        String plan = request.requiredText("plan", TEXT);
        String reason = request.requiredText("reason", TEXT);
        String desiredResult = request.requiredText("desired_result", TEXT);
        request.throwIfInvalid();
        StarRequests.Ask ask = new StarRequests.Ask(Urgency.fromCode(urgency).orElseThrow(), plan, reason, desiredResult);
        return Map.of("star_request", json(stars.star(actor, ticketId, ask)));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Actor actor, @PathVariable long id) {
        return Map.of("star_request", json(stars.find(actor, id)));
    }

    @GetMapping
    Map<String, Object> list(Actor actor, @RequestParam(name = "ticket_id", required = false) @Nullable Long ticketId,
                             HttpServletRequest request) {
        return stars.page(actor, ticketId, PageRequest.from(request)).body("star_requests", StarRequestController::json, request);
    }

    @PostMapping("/{id}/unstar")
    Map<String, Object> unstar(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        stars.requireMayUnstar(actor, id);
        JsonBody request = JsonBody.root(body, "unstar");
        String reason = request.text("reason", TEXT);
        String alternativePath = request.text("alternative_path", TEXT);
        request.throwIfInvalid();
        return Map.of("star_request", json(stars.unstar(actor, id, reason, alternativePath)));
    }

    static Map<String, Object> json(StarRequest star) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", star.id());
        json.put("ticket_id", star.ticketId());
        json.put("requested_by_id", star.requestedBy());
        json.put("urgency", star.urgency().code());
        json.put("plan", star.plan());
        json.put("reason", star.reason());
        json.put("desired_result", star.desiredResult());
        json.put("assignee_id", star.assigneeId());
        json.put("respond_by", star.respondBy());
        json.put("status", star.status().code());
        json.put("unstar_reason", star.unstarReason());
        json.put("alternative_path", star.alternativePath());
        json.put("created_at", star.createdAt());
        json.put("updated_at", star.updatedAt());
        return json;
    }
}
