package org.partnerdesk.partnerops.nfr.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.partnerops.NfrException;
import org.partnerdesk.partnerops.NfrExceptions;
import org.partnerdesk.partnerops.access.web.TransitionJson;
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

    private static final Set<String> VERDICTS = Arrays.stream(NfrException.Verdict.values()).map(NfrException.Verdict::code)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> STATUSES = Arrays.stream(NfrException.Status.values()).map(NfrException.Status::code)
            .collect(Collectors.toUnmodifiableSet());

    private final NfrExceptions exceptions;

    NfrExceptionController(NfrExceptions exceptions) {
        this.exceptions = exceptions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NfrExceptionResponse request(Actor actor, @RequestBody JsonNode body) {
        exceptions.requireMayAsk(actor);
        JsonBody request = JsonBody.root(body, "nfr_exception");
        Long requestId = request.requiredId("nfr_request_id");
        Integer users = request.requiredCount("users", NfrRequestController.MAX_USERS);
        if (users != null && users < 1) {
            request.problemWith("users", "invalid_value", "must be at least 1");
        }
        String justification = request.requiredText("business_justification", 4_000);
        request.throwIfInvalid();
        return new NfrExceptionResponse(NfrExceptionJson.of(exceptions.request(actor, new NfrExceptions.Ask(requestId, users, justification))));
    }

    @PostMapping("/{id}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    NfrExceptionResponse decide(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        exceptions.requireMayDecide(actor, id);
        JsonBody request = JsonBody.root(body, "decision");
        String verdict = request.requiredOneOf("verdict", VERDICTS);
        String comment = request.text("comment", 4_000);
        request.throwIfInvalid();
        return new NfrExceptionResponse(NfrExceptionJson.of(exceptions.decide(actor, id, NfrException.Verdict.fromCode(verdict), comment)));
    }

    @PostMapping("/{id}/fulfil")
    NfrExceptionResponse fulfil(Actor actor, @PathVariable long id) {
        return new NfrExceptionResponse(NfrExceptionJson.of(exceptions.fulfil(actor, id)));
    }

    @GetMapping("/{id}")
    NfrExceptionResponse show(Actor actor, @PathVariable long id) {
        return new NfrExceptionResponse(NfrExceptionJson.of(exceptions.find(actor, id)));
    }

    /** Staff only: the audited transitions, oldest first, in cursor pages. */
    @GetMapping("/{id}/audits")
    TransitionJson.AuditPage<NfrAuditJson.NfrExceptionAudit> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return exceptions.audits(actor, id, PageRequest.from(request)).body(NfrAuditJson.NfrExceptionAudit::of, request, TransitionJson.AuditPage::new);
    }

    @GetMapping
    NfrExceptionPage list(Actor actor, @RequestParam(name = "status", required = false) @Nullable String status,
                             HttpServletRequest request) {
        if (status != null && !STATUSES.contains(status)) {
            throw org.partnerdesk.api.ApiException.badRequest("InvalidParameter", "status must be one of " + STATUSES);
        }
        return exceptions.page(actor, PageRequest.from(request), status == null ? null : NfrException.Status.fromCode(status))
                .body(NfrExceptionJson::of, request, NfrExceptionPage::new);
    }

    record NfrExceptionJson(long id, long nfrRequestId, long organizationId, long requestedById, long channelDirectorId, int users,
                            String businessJustification, String status, @Nullable String ownerGroup, List<String> awaitingDecisions,
                            List<DecisionJson> decisions, @Nullable Long nfrLicenseId, @Nullable Long fulfilledById,
                            Instant createdAt, Instant updatedAt) {
        static NfrExceptionJson of(NfrException e) {
            String ownerGroup = switch (e.status()) {
                case PENDING -> Groups.PROGRAMS_DIRECTORS + " and " + Groups.CHANNEL_DIRECTORS;
                case APPROVED -> Groups.PARTNER_OPERATIONS;
                case DECLINED, FULFILLED -> null;
            };
            List<String> awaiting = e.status() != NfrException.Status.PENDING ? List.of()
                    : java.util.Arrays.stream(NfrException.Capacity.values()).filter(c -> e.decisionIn(c).isEmpty())
                            .map(NfrException.Capacity::code).toList();
            return new NfrExceptionJson(e.id(), e.nfrRequestId(), e.organizationId(), e.requestedBy(), e.channelDirectorId(), e.users(),
                    e.businessJustification(), e.status().code(), ownerGroup, awaiting,
                    e.decisions().stream().map(DecisionJson::of).toList(), e.nfrLicenseId(), e.fulfilledBy(), e.createdAt(), e.updatedAt());
        }
    }

    record DecisionJson(long decidedById, String capacity, String verdict, @Nullable String comment, Instant decidedAt) {
        static DecisionJson of(NfrException.Decision d) {
            return new DecisionJson(d.decidedBy(), d.capacity().code(), d.verdict().code(), d.comment(), d.decidedAt());
        }
    }

    /** The root object of one NFR exception (PO-4). */
    record NfrExceptionResponse(NfrExceptionJson nfrException) {
    }

    /** One cursor page of NFR exceptions (API-1). */
    record NfrExceptionPage(List<NfrExceptionJson> nfrExceptions, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
