package org.partnerdesk.partnerops.access.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.partnerops.PortalAccess;
import org.partnerdesk.partnerops.PortalAccessRequest;
import org.partnerdesk.partnerops.access.AccessRequestForm;
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
    PortalAccessRequestAnswer request(@RequestBody(required = false) JsonNode body, HttpServletRequest http) {
        Optional<Actor> caller = Callers.current();
        JsonBody request = JsonBody.root(body, "portal_access_request");
        AccessRequestForm form = AccessRequestForm.read(request);
        if (caller.isEmpty()) {
            limits.hit("portal_access_requests", Callers.address(http), form.email());
        }
        request.throwIfInvalid();
        PortalAccessRequest created = access.request(caller, form.ask());
        return caller.map(Actor::isStaff).orElse(false) ? new PortalAccessRequestResponse(PortalAccessRequestJson.of(created))
                : new PublicPortalAccessRequestResponse(PublicPortalAccessRequestJson.of(created));
    }

    @GetMapping
    PortalAccessRequestPage list(Actor actor, @RequestParam(name = "status", required = false) @Nullable String status,
                             HttpServletRequest request) {
        return access.page(actor, PortalAccessRequest.Status.matching(status), PageRequest.from(request)).body(PortalAccessRequestJson::of, request, PortalAccessRequestPage::new);
    }

    @GetMapping("/{id}")
    PortalAccessRequestResponse show(Actor actor, @PathVariable long id) {
        return new PortalAccessRequestResponse(PortalAccessRequestJson.of(access.find(actor, id)));
    }

    @PostMapping("/{id}/approve")
    PortalAccessRequestResponse approve(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        access.requireMayDecide(actor);
        return new PortalAccessRequestResponse(PortalAccessRequestJson.of(access.approve(actor, id, DecisionBody.approvalReason(body))));
    }

    @PostMapping("/{id}/decline")
    PortalAccessRequestResponse decline(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        access.requireMayDecide(actor);
        return new PortalAccessRequestResponse(PortalAccessRequestJson.of(access.decline(actor, id, DecisionBody.declineReason(body))));
    }

    @GetMapping("/{id}/audits")
    TransitionJson.AuditPage<TransitionJson.PortalAccessRequestAudit> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return access.audits(actor, id, PageRequest.from(request)).body(TransitionJson.PortalAccessRequestAudit::of, request, TransitionJson.AuditPage::new);
    }

    /** PO-2: a caller who is not signed in sees what they sent; staff see the whole request. */
    @Schema(oneOf = {PortalAccessRequestResponse.class, PublicPortalAccessRequestResponse.class})
    sealed interface PortalAccessRequestAnswer permits PortalAccessRequestResponse, PublicPortalAccessRequestResponse {
    }

    /** The root object of a portal access request as staff see it (PO-2). */
    record PortalAccessRequestResponse(PortalAccessRequestJson portalAccessRequest) implements PortalAccessRequestAnswer {
    }

    /** The root object of what a person who is not signed in learns (PO-2). */
    record PublicPortalAccessRequestResponse(PublicPortalAccessRequestJson portalAccessRequest) implements PortalAccessRequestAnswer {
    }

    // what a person who is not signed in learns: what they sent and that it waits, never whether the e-mail is known
    record PublicPortalAccessRequestJson(long id, long organizationId, String name, String email, String status, Instant createdAt) {
        static PublicPortalAccessRequestJson of(PortalAccessRequest r) {
            return new PublicPortalAccessRequestJson(r.id(), r.organizationId(), r.name(), r.email(), r.status().code(), r.createdAt());
        }
    }

    record PortalAccessRequestJson(long id, long organizationId, String name, String email, String status, Instant createdAt,
                                   @Nullable Long requestedById, @Nullable Long userId, @Nullable Long decidedById,
                                   @Nullable String decisionReason, Instant updatedAt) {
        static PortalAccessRequestJson of(PortalAccessRequest r) {
            return new PortalAccessRequestJson(r.id(), r.organizationId(), r.name(), r.email(), r.status().code(), r.createdAt(),
                    r.requestedBy(), r.userId(), r.decidedBy(), r.decisionReason(), r.updatedAt());
        }
    }

    /** One cursor page of portal access requests (API-1). */
    record PortalAccessRequestPage(List<PortalAccessRequestJson> portalAccessRequests, CursorPage.Meta meta, CursorPage.Links links,
                                   @Nullable String nextPage) {
    }
}
