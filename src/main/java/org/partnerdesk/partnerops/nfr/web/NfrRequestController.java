package org.partnerdesk.partnerops.nfr.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.partnerops.NfrEligibility;
import org.partnerdesk.partnerops.NfrRequest;
import org.partnerdesk.partnerops.NfrRequests;
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

/** {@code /api/v2/nfr_requests} (PO-3): partners ask, with the eligibility explained; Licensing fulfil. */
@RestController
@RequestMapping("/api/v2/nfr_requests")
class NfrRequestController {

    static final int MAX_USERS = 10_000;
    private static final Set<String> DEPLOYMENTS = Set.of("self_managed", "saas");

    private final NfrRequests requests;

    NfrRequestController(NfrRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> submit(Actor actor, @RequestBody JsonNode body) {
        requests.requireMaySubmit(actor);
        JsonBody request = JsonBody.root(body, "nfr_request");
        String plan = request.oneOf("plan", Plan.CODES);
        // DOMAIN-FACTS "NFR licenses": the programme issues Ultimate licenses only
        if (plan != null && !plan.equals(Plan.ULTIMATE.code())) {
            request.problemWith("plan", "invalid_value", "NFR licenses are issued on ultimate only (PO-3); ask for ultimate");
        }
        Integer users = request.requiredCount("users", MAX_USERS);
        if (users != null && users < 1) {
            request.problemWith("users", "invalid_value", "must be at least 1");
        }
        String deployment = request.requiredOneOf("deployment", DEPLOYMENTS);
        String comment = request.text("comment", 4_000);
        request.throwIfInvalid();
        return Map.of("nfr_request", json(requests.submit(actor, new NfrRequests.Ask(Plan.ULTIMATE, users, deployment, comment))));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Actor actor, @PathVariable long id) {
        return Map.of("nfr_request", json(requests.find(actor, id)));
    }

    /** Staff only: the audited transitions, oldest first, in cursor pages. */
    @GetMapping("/{id}/audits")
    Map<String, Object> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return requests.audits(actor, id, PageRequest.from(request)).body("audits", audit -> NfrAuditJson.json(audit, "nfr_request_id"), request);
    }

    @GetMapping
    Map<String, Object> list(Actor actor, @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId,
                             HttpServletRequest request) {
        return requests.page(actor, PageRequest.from(request), organizationId).body("nfr_requests", NfrRequestController::json, request);
    }

    @PostMapping("/{id}/fulfil")
    Map<String, Object> fulfil(Actor actor, @PathVariable long id) {
        return Map.of("nfr_request", json(requests.fulfil(actor, id)));
    }

    static Map<String, Object> json(NfrRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("organization_id", r.organizationId());
        json.put("submitter_id", r.submitterId());
        json.put("plan", r.plan().code());
        json.put("users", r.users());
        json.put("deployment", r.deployment());
        json.put("comment", r.comment());
        json.put("status", r.status().code());
        json.put("owner_group", r.status() == NfrRequest.Status.AWAITING_FULFILMENT ? Groups.LICENSING : null);
        json.put("eligible", r.eligibility().isEligible());
        json.put("requirements", r.eligibility().requirements().stream().map(NfrRequestController::requirement).toList());
        json.put("missing_requirements", r.eligibility().missing().stream().map(NfrRequestController::missing).toList());
        json.put("nfr_license_id", r.nfrLicenseId());
        json.put("fulfilled_by_id", r.fulfilledBy());
        json.put("created_at", r.createdAt());
        json.put("updated_at", r.updatedAt());
        return json;
    }

    private static Map<String, Object> requirement(NfrEligibility.Requirement r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", r.code());
        json.put("rule", "PO-3");
        json.put("met", r.met());
        json.put("fact", r.fact());
        json.put("how_to_meet", r.howToMeet());
        return json;
    }

    private static Map<String, Object> missing(NfrEligibility.Requirement r) {
        return Map.of("code", r.code(), "description", r.fact() + ". " + r.howToMeet());
    }
}
