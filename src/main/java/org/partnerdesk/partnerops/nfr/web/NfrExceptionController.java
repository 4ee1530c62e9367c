package org.partnerdesk.partnerops.nfr.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.partnerops.NfrException;
import org.partnerdesk.partnerops.NfrExceptions;
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

/** {@code /api/v2/nfr_exceptions} (PO-4): channel managers ask, two directors decide, Partner Operations fulfil. */
@RestController
@RequestMapping("/api/v2/nfr_exceptions")
class NfrExceptionController {

    private static final Set<String> VERDICTS = Set.of("approve", "decline");
    private static final Set<String> STATUSES = Set.of("pending", "approved", "declined", "fulfilled");

    private final NfrExceptions exceptions;

    NfrExceptionController(NfrExceptions exceptions) {
        this.exceptions = exceptions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> request(Actor actor, @RequestBody JsonNode body) {
        exceptions.requireMayAsk(actor);
        JsonBody request = JsonBody.root(body, "nfr_exception");
        Long requestId = request.requiredId("nfr_request_id");
        Integer users = request.requiredCount("users", NfrRequestController.MAX_USERS);
        if (users != null && users < 1) {
            request.problemWith("users", "invalid_value", "must be at least 1");
        }
        String justification = request.requiredText("business_justification", 4_000);
        request.throwIfInvalid();
        return Map.of("nfr_exception", json(exceptions.request(actor, new NfrExceptions.Ask(requestId, users, justification))));
    }

    @PostMapping("/{id}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> decide(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        exceptions.requireMayDecide(actor, id);
        JsonBody request = JsonBody.root(body, "decision");
        String verdict = request.requiredOneOf("verdict", VERDICTS);
        String comment = request.text("comment", 4_000);
        request.throwIfInvalid();
        return Map.of("nfr_exception", json(exceptions.decide(actor, id, NfrException.Verdict.fromCode(verdict), comment)));
    }

    @PostMapping("/{id}/fulfil")
    Map<String, Object> fulfil(Actor actor, @PathVariable long id) {
        return Map.of("nfr_exception", json(exceptions.fulfil(actor, id)));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Actor actor, @PathVariable long id) {
        return Map.of("nfr_exception", json(exceptions.find(actor, id)));
    }

    /** Staff only: the audited transitions, oldest first, in cursor pages. */
    @GetMapping("/{id}/audits")
    Map<String, Object> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return exceptions.audits(actor, id, PageRequest.from(request)).body("audits", audit -> NfrAuditJson.json(audit, "nfr_exception_id"), request);
    }

    @GetMapping
    Map<String, Object> list(Actor actor, @RequestParam(name = "status", required = false) @Nullable String status,
                             HttpServletRequest request) {
        if (status != null && !STATUSES.contains(status)) {
            throw org.partnerdesk.api.ApiException.badRequest("InvalidParameter", "status must be one of " + STATUSES);
        }
        return exceptions.page(actor, PageRequest.from(request), status == null ? null : NfrException.Status.fromCode(status))
                .body("nfr_exceptions", NfrExceptionController::json, request);
    }

    static Map<String, Object> json(NfrException e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("nfr_request_id", e.nfrRequestId());
        json.put("organization_id", e.organizationId());
        json.put("requested_by_id", e.requestedBy());
        json.put("channel_director_id", e.channelDirectorId());
        json.put("users", e.users());
        json.put("business_justification", e.businessJustification());
        json.put("status", e.status().code());
        json.put("owner_group", switch (e.status()) {
            case PENDING -> Groups.PROGRAMS_DIRECTORS + " and " + Groups.CHANNEL_DIRECTORS;
            case APPROVED -> Groups.PARTNER_OPERATIONS;
            case DECLINED, FULFILLED -> null;
        });
        json.put("awaiting_decisions", e.status() != NfrException.Status.PENDING ? List.of()
                : java.util.Arrays.stream(NfrException.Capacity.values()).filter(c -> e.decisionIn(c).isEmpty())
                        .map(NfrException.Capacity::code).toList());
        json.put("decisions", e.decisions().stream().map(NfrExceptionController::decision).toList());
        json.put("nfr_license_id", e.nfrLicenseId());
        json.put("fulfilled_by_id", e.fulfilledBy());
        json.put("created_at", e.createdAt());
        json.put("updated_at", e.updatedAt());
        return json;
    }

    private static Map<String, Object> decision(NfrException.Decision d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("decided_by_id", d.decidedBy());
        json.put("capacity", d.capacity().code());
        json.put("verdict", d.verdict().code());
        json.put("comment", d.comment());
        json.put("decided_at", d.decidedAt());
        return json;
    }
}
