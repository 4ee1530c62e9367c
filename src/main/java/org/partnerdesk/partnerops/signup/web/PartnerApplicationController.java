package org.partnerdesk.partnerops.signup.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.partnerops.PartnerApplication;
import org.partnerdesk.partnerops.SignUps;
import org.partnerdesk.partnerops.access.RequestLimits;
import org.partnerdesk.partnerops.access.web.Callers;
import org.partnerdesk.partnerops.access.web.DecisionBody;
import org.partnerdesk.partnerops.access.web.TransitionJson;
import org.partnerdesk.partnerops.signup.SignUpForm;
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

/**
 * {@code /api/v2/partner_applications} (PO-1): the portal sign-up (no sign-in, rate-limited), accounts made by hand by
 * Partner Operations ({@code manual_reason}), and their decisions on applications in review.
 */
@RestController
@RequestMapping("/api/v2/partner_applications")
class PartnerApplicationController {

    private static final int TEXT = 4_000;

    private final SignUps signUps;
    private final RequestLimits limits;

    PartnerApplicationController(SignUps signUps, RequestLimits limits) {
        this.signUps = signUps;
        this.limits = limits;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PartnerApplicationAnswer apply(@RequestBody(required = false) JsonNode body, HttpServletRequest http) {
        Optional<Actor> caller = Callers.current();
        JsonBody request = JsonBody.root(body, "partner_application");
        boolean staff = caller.map(Actor::isStaff).orElse(false);
        // PO-1: authorize before validating; only Partner Operations create an account by hand
        if (!staff && request.has("manual_reason") && request.raw("manual_reason") != null) {
            throw ApiException.forbidden("Only Partner Operations create a partner account by hand (PO-1); sign up without manual_reason.");
        }
        SignUpForm form = SignUpForm.read(request);
        String manualReason = request.text("manual_reason", TEXT);
        if (caller.isEmpty()) {
            limits.hit("partner_applications", Callers.address(http), form.contactEmail());
        }
        request.throwIfInvalid();
        SignUps.Application application = form.application();
        if (!staff) {
            return new PublicPartnerApplicationResponse(PublicPartnerApplicationJson.of(signUps.apply(application, caller)));
        }
        return new PartnerApplicationResponse(PartnerApplicationJson.of(signUps.createManually(caller.get(), application, blankToNull(manualReason))));
    }

    @GetMapping
    PartnerApplicationPage list(Actor actor, @RequestParam(name = "status", required = false) @Nullable String status,
                             HttpServletRequest request) {
        return signUps.page(actor, PartnerApplication.Status.matching(status), PageRequest.from(request)).body(PartnerApplicationJson::of, request, PartnerApplicationPage::new);
    }

    @GetMapping("/{id}")
    PartnerApplicationResponse show(Actor actor, @PathVariable long id) {
        return new PartnerApplicationResponse(PartnerApplicationJson.of(signUps.find(actor, id)));
    }

    @PostMapping("/{id}/approve")
    PartnerApplicationResponse approve(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        signUps.requireMayDecide(actor);
        return new PartnerApplicationResponse(PartnerApplicationJson.of(signUps.approve(actor, id, DecisionBody.approvalReason(body))));
    }

    @PostMapping("/{id}/decline")
    PartnerApplicationResponse decline(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        signUps.requireMayDecide(actor);
        return new PartnerApplicationResponse(PartnerApplicationJson.of(signUps.decline(actor, id, DecisionBody.declineReason(body))));
    }

    @GetMapping("/{id}/audits")
    TransitionJson.AuditPage<TransitionJson.PartnerApplicationAudit> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return signUps.audits(actor, id, PageRequest.from(request)).body(TransitionJson.PartnerApplicationAudit::of, request, TransitionJson.AuditPage::new);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** PO-1: the applicant sees what they sent; staff see the whole application. */
    @Schema(oneOf = {PartnerApplicationResponse.class, PublicPartnerApplicationResponse.class})
    sealed interface PartnerApplicationAnswer permits PartnerApplicationResponse, PublicPartnerApplicationResponse {
    }

    /** The root object of a partner application as staff see it (PO-1). */
    record PartnerApplicationResponse(PartnerApplicationJson partnerApplication) implements PartnerApplicationAnswer {
    }

    /** The root object of what the applicant learns (PO-1). */
    record PublicPartnerApplicationResponse(PublicPartnerApplicationJson partnerApplication) implements PartnerApplicationAnswer {
    }

    // what the applicant learns: what they sent and where it stands, never whether the e-mail was already known
    record PublicPartnerApplicationJson(long id, String company, @Nullable String parentCompany, String contactName, String contactEmail,
                                        boolean authorizedSignatory, String agreement, @Nullable String questions, String status,
                                        Instant createdAt) {
        static PublicPartnerApplicationJson of(PartnerApplication a) {
            return new PublicPartnerApplicationJson(a.id(), a.company(), a.parentCompany(), a.contactName(), a.contactEmail(),
                    a.authorizedSignatory(), a.agreement().code(), a.questions(), a.status().code(), a.createdAt());
        }
    }

    record PartnerApplicationJson(long id, String company, @Nullable String parentCompany, String contactName, String contactEmail,
                                  boolean authorizedSignatory, String agreement, @Nullable String questions, String status,
                                  Instant createdAt, String channel, @Nullable String manualReason, @Nullable Long organizationId,
                                  @Nullable Long userId, @Nullable Long ticketId, @Nullable Long decidedById,
                                  @Nullable String decisionReason, Instant updatedAt) {
        static PartnerApplicationJson of(PartnerApplication a) {
            return new PartnerApplicationJson(a.id(), a.company(), a.parentCompany(), a.contactName(), a.contactEmail(),
                    a.authorizedSignatory(), a.agreement().code(), a.questions(), a.status().code(), a.createdAt(), a.channel().code(), a.manualReason(),
                    a.organizationId(), a.userId(), a.ticketId(), a.decidedBy(), a.decisionReason(), a.updatedAt());
        }
    }

    /** One cursor page of partner applications (API-1). */
    record PartnerApplicationPage(List<PartnerApplicationJson> partnerApplications, CursorPage.Meta meta, CursorPage.Links links,
                                  @Nullable String nextPage) {
    }
}
