package org.partnerdesk.partnerops.signup.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.partnerops.PartnerApplication;
import org.partnerdesk.partnerops.SignUps;
import org.partnerdesk.partnerops.access.RequestLimits;
import org.partnerdesk.partnerops.access.web.Callers;
import org.partnerdesk.partnerops.access.web.DecisionBody;
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

/**
 * {@code /api/v2/partner_applications} (PO-1): the portal sign-up (no sign-in, rate-limited), accounts made by hand by
 * Partner Operations ({@code manual_reason}), and their decisions on applications in review.
 */
@RestController
@RequestMapping("/api/v2/partner_applications")
class PartnerApplicationController {

    private static final int TEXT = 4_000;
    private static final Set<String> AGREEMENT = Set.of(PartnerApplication.ACCEPT, PartnerApplication.QUESTIONS);

    private final SignUps signUps;
    private final RequestLimits limits;

    PartnerApplicationController(SignUps signUps, RequestLimits limits) {
        this.signUps = signUps;
        this.limits = limits;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> apply(@RequestBody(required = false) JsonNode body, HttpServletRequest http) {
        Optional<Actor> caller = Callers.current();
        JsonBody request = JsonBody.root(body, "partner_application");
        boolean staff = caller.map(Actor::isStaff).orElse(false);
        // PO-1: authorize before validating; only Partner Operations create an account by hand
        if (!staff && request.has("manual_reason") && request.raw("manual_reason") != null) {
            throw ApiException.forbidden("Only Partner Operations create a partner account by hand (PO-1); sign up without manual_reason.");
        }
        String company = request.requiredText("company", 255);
        String parentCompany = request.text("parent_company", 255);
        String contactName = request.requiredText("contact_name", 255);
        String email = request.requiredEmail("contact_email");
        Boolean signatory = request.bool("authorized_signatory");
        if (signatory == null && request.raw("authorized_signatory") == null) { // absent or null; a wrong type is reported by bool()
            request.problemWith("authorized_signatory", "blank", "is required: true if you may sign the partner agreement for the company");
        }
        String agreement = request.oneOf("agreement", AGREEMENT);
        if (agreement == null && (!request.has("agreement") || request.raw("agreement") == null)) {
            request.problemWith("agreement", "blank", "is required: accept (an authorized signatory accepts the click-through"
                    + " partner agreement) or questions (not a signatory, questions, or a redline: Partner Operations review it)");
        }
        String questions = request.text("questions", 10_000);
        String manualReason = request.text("manual_reason", TEXT);
        if (caller.isEmpty()) {
            limits.hit("partner_applications", Callers.address(http), email);
        }
        request.throwIfInvalid();
        SignUps.Application application = new SignUps.Application(company, blankToNull(parentCompany), contactName, email,
                signatory, agreement, blankToNull(questions));
        if (!staff) {
            return Map.of("partner_application", publicJson(signUps.apply(application, caller)));
        }
        return Map.of("partner_application", json(signUps.createManually(caller.get(), application, blankToNull(manualReason))));
    }

    @GetMapping
    Map<String, Object> list(Actor actor, @RequestParam(name = "status", required = false) @Nullable String status,
                             HttpServletRequest request) {
        return signUps.page(actor, status, PageRequest.from(request)).body("partner_applications", PartnerApplicationController::json, request);
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Actor actor, @PathVariable long id) {
        return Map.of("partner_application", json(signUps.find(actor, id)));
    }

    @PostMapping("/{id}/approve")
    Map<String, Object> approve(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        signUps.requireMayDecide(actor);
        return Map.of("partner_application", json(signUps.approve(actor, id, DecisionBody.approvalReason(body))));
    }

    @PostMapping("/{id}/decline")
    Map<String, Object> decline(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        signUps.requireMayDecide(actor);
        return Map.of("partner_application", json(signUps.decline(actor, id, DecisionBody.declineReason(body))));
    }

    @GetMapping("/{id}/audits")
    Map<String, Object> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return signUps.audits(actor, id, PageRequest.from(request)).body("audits", TransitionJson::json, request);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    // what the applicant learns: what they sent and where it stands, never whether the e-mail was already known
    private static Map<String, Object> publicJson(PartnerApplication a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("company", a.company());
        json.put("parent_company", a.parentCompany());
        json.put("contact_name", a.contactName());
        json.put("contact_email", a.contactEmail());
        json.put("authorized_signatory", a.authorizedSignatory());
        json.put("agreement", a.agreement());
        json.put("questions", a.questions());
        json.put("status", a.status());
        json.put("created_at", a.createdAt());
        return json;
    }

    static Map<String, Object> json(PartnerApplication a) {
        Map<String, Object> json = publicJson(a);
        json.put("channel", a.channel());
        json.put("manual_reason", a.manualReason());
        json.put("organization_id", a.organizationId());
        json.put("user_id", a.userId());
        json.put("ticket_id", a.ticketId());
        json.put("decided_by_id", a.decidedBy());
        json.put("decision_reason", a.decisionReason());
        json.put("updated_at", a.updatedAt());
        return json;
    }
}
