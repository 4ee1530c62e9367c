package org.partnerdesk.partnerops.access.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.partnerops.PortalAccess;
import org.partnerdesk.partnerops.PortalAccessRequest;
import org.partnerdesk.partnerops.access.RequestLimits;
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

/** {@code /api/v2/portal_access_requests} (PO-2): ask without signing in, decided by Partner Operations. */
@RestController
@RequestMapping("/api/v2/portal_access_requests")
class PortalAccessController {

    private final PortalAccess access;
    private final RequestLimits limits;

    PortalAccessController(PortalAccess access, RequestLimits limits) {
        this.access = access;
        this.limits = limits;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> request(@RequestBody(required = false) JsonNode body, HttpServletRequest http) {
        Optional<Actor> caller = Callers.current();
        JsonBody request = JsonBody.root(body, "portal_access_request");
        Long organizationId = request.requiredId("organization_id");
        String name = request.requiredText("name", 255);
        String email = request.requiredEmail("email");
        if (caller.isEmpty()) {
            limits.hit("portal_access_requests", Callers.address(http), email);
        }
        request.throwIfInvalid();
        PortalAccessRequest created = access.request(caller, new PortalAccess.Ask(organizationId, name, email));
        return Map.of("portal_access_request", caller.map(Actor::isStaff).orElse(false) ? json(created) : publicJson(created));
    }

    @GetMapping
    Map<String, Object> list(Actor actor, @RequestParam(name = "status", required = false) @Nullable String status,
                             HttpServletRequest request) {
        return access.page(actor, status, PageRequest.from(request)).body("portal_access_requests", PortalAccessController::json, request);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Actor actor, @PathVariable long id) {
        return Map.of("portal_access_request", json(access.find(actor, id)));
    }

    @PostMapping("/{id}/approve")
    Map<String, Object> approve(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        access.requireMayDecide(actor);
        return Map.of("portal_access_request", json(access.approve(actor, id, DecisionBody.approvalReason(body))));
    }

    @PostMapping("/{id}/decline")
    Map<String, Object> decline(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        access.requireMayDecide(actor);
        return Map.of("portal_access_request", json(access.decline(actor, id, DecisionBody.declineReason(body))));
    }

    @GetMapping("/{id}/audits")
    Map<String, Object> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return access.audits(actor, id, PageRequest.from(request)).body("audits", TransitionJson::json, request);
    }

    // what a person who is not signed in learns: what they sent and that it waits, never whether the e-mail is known
    private static Map<String, Object> publicJson(PortalAccessRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("organization_id", r.organizationId());
        json.put("name", r.name());
        json.put("email", r.email());
        json.put("status", r.status());
        json.put("created_at", r.createdAt());
        return json;
    }

    static Map<String, Object> json(PortalAccessRequest r) {
        Map<String, Object> json = publicJson(r);
        json.put("requested_by_id", r.requestedBy());
        json.put("user_id", r.userId());
        json.put("decided_by_id", r.decidedBy());
        json.put("decision_reason", r.decisionReason());
        json.put("updated_at", r.updatedAt());
        return json;
    }
}
