package org.partnerdesk.partnerops.nfr.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.partnerops.NfrEligibility;
import org.partnerdesk.partnerops.NfrRequest;
import org.partnerdesk.partnerops.NfrRequests;
import org.partnerdesk.partnerops.access.web.TransitionJson;
import org.partnerdesk.partnerops.nfr.NfrRequestForm;
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

    static final int MAX_USERS = NfrRequestForm.MAX_USERS;

    private final NfrRequests requests;

    NfrRequestController(NfrRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NfrRequestResponse submit(Actor actor, @RequestBody JsonNode body) {
        requests.requireMaySubmit(actor);
        JsonBody request = JsonBody.root(body, "nfr_request");
        NfrRequestForm form = NfrRequestForm.read(request);
        request.throwIfInvalid();
        return new NfrRequestResponse(NfrRequestJson.of(requests.submit(actor, form.ask())));
    }

    @GetMapping("/{id}")
    NfrRequestResponse show(Actor actor, @PathVariable long id) {
        return new NfrRequestResponse(NfrRequestJson.of(requests.find(actor, id)));
    }

    /** Staff only: the audited transitions, oldest first, in cursor pages. */
    @GetMapping("/{id}/audits")
    TransitionJson.AuditPage<NfrAuditJson.NfrRequestAudit> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return requests.audits(actor, id, PageRequest.from(request)).body(NfrAuditJson.NfrRequestAudit::of, request, TransitionJson.AuditPage::new);
    }

    @GetMapping
    NfrRequestPage list(Actor actor, @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId,
                             HttpServletRequest request) {
        return requests.page(actor, PageRequest.from(request), organizationId).body(NfrRequestJson::of, request, NfrRequestPage::new);
    }

    @PostMapping("/{id}/fulfil")
    NfrRequestResponse fulfil(Actor actor, @PathVariable long id) {
        return new NfrRequestResponse(NfrRequestJson.of(requests.fulfil(actor, id)));
    }

    record NfrRequestJson(long id, long organizationId, long submitterId, String plan, int users, String deployment,
                          @Nullable String comment, String status, @Nullable String ownerGroup, boolean eligible,
                          List<RequirementJson> requirements, List<MissingRequirementJson> missingRequirements,
                          @Nullable Long nfrLicenseId, @Nullable Long fulfilledById, Instant createdAt, Instant updatedAt) {
        static NfrRequestJson of(NfrRequest r) {
            return new NfrRequestJson(r.id(), r.organizationId(), r.submitterId(), r.plan().code(), r.users(), r.deployment(), r.comment(),
                    r.status().code(), r.status() == NfrRequest.Status.AWAITING_FULFILMENT ? Groups.LICENSING : null,
                    r.eligibility().isEligible(), r.eligibility().requirements().stream().map(RequirementJson::of).toList(),
                    r.eligibility().missing().stream().map(MissingRequirementJson::of).toList(),
                    r.nfrLicenseId(), r.fulfilledBy(), r.createdAt(), r.updatedAt());
        }
    }

    record RequirementJson(String code, String rule, boolean met, String fact, @Nullable String howToMeet) {
        static RequirementJson of(NfrEligibility.Requirement r) {
            return new RequirementJson(r.code(), "PO-3", r.met(), r.fact(), r.howToMeet());
        }
    }

    record MissingRequirementJson(String code, String description) {
        static MissingRequirementJson of(NfrEligibility.Requirement r) {
            return new MissingRequirementJson(r.code(), r.fact() + ". " + r.howToMeet());
        }
    }

    /** The root object of one NFR request (PO-3). */
    record NfrRequestResponse(NfrRequestJson nfrRequest) {
    }

    /** One cursor page of NFR requests (API-1). */
    record NfrRequestPage(List<NfrRequestJson> nfrRequests, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
