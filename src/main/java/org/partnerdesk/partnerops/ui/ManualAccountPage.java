package org.partnerdesk.partnerops.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.partnerops.PartnerApplication;
import org.partnerdesk.partnerops.SignUps;
import org.partnerdesk.partnerops.signup.SignUpForm;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;

/**
 * UI-1 / PO-1 "Create a partner account by hand": the sign-up's fields and rules ({@link SignUpForm}) plus the
 * required Reason, through {@link SignUps#createManually}, which refuses whoever the API refuses.
 */
@ConsolePage
class ManualAccountPage {

    static final String TEMPLATE = "partnerops/application-new";
    static final String REASON = "manual_reason";
    private static final FormErrors ERRORS = new FormErrors(Map.of("company", "Company", "parent_company", "Parent company",
            "contact_name", "Contact name", "contact_email", "Contact e-mail", "authorized_signatory", "Authorized signatory",
            "agreement", "Partner agreement", "questions", "Notes", REASON, "Reason"),
            Map.of("authorized_signatory", "Say whether the contact may sign the partner agreement for the company.",
                    "agreement", "Say whether the company accepted the partner agreement or asked for changes.",
                    REASON, "Write the reason for creating this account by hand: it is recorded with the account (PO-1)."));

    private final SignUps signUps;

    ManualAccountPage(SignUps signUps) {
        this.signUps = signUps;
    }

    @GetMapping("/ops/applications/new")
    String form(Actor actor, Model model) {
        signUps.requireMayCreateManually(actor);
        model.addAttribute("input", input(Map.of()));
        FormErrors.none(model);
        return TEMPLATE;
    }

    @PostMapping("/ops/applications/new")
    String create(Actor actor, @RequestParam Map<String, String> form, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        signUps.requireMayCreateManually(actor); // PO-1: authorize before validating
        model.addAttribute("input", input(form));
        try {
            ObjectNode body = SignUpPage.body(form);
            ((ObjectNode) body.get("partner_application")).put(REASON, form.getOrDefault(REASON, ""));
            JsonBody request = JsonBody.root(body, "partner_application");
            SignUpForm read = SignUpForm.read(request);
            String reason = request.text(REASON, Reason.MAX);
            if (reason == null || reason.isBlank()) { // PO-1: shown with the other fields' problems, not after them
                request.problemWith(REASON, "blank", "is required: Partner Operations create a partner account by hand only with a recorded reason");
            }
            request.throwIfInvalid();
            PartnerApplication created = signUps.createManually(actor, read.application(), reason);
            redirect.addFlashAttribute("flash", created(created));
            return "redirect:/ops/applications/" + created.id();
        } catch (ApiException refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            ERRORS.show(refused, model, response);
            return TEMPLATE;
        }
    }

    private static String created(PartnerApplication application) {
        String organization = "Partner organization " + application.company() + " (#" + application.organizationId() + ") created by hand";
        return application.userId() != null
                ? organization + "; " + application.contactEmail() + " was sent a sign-in invitation."
                : organization + "; its contact " + application.contactEmail() + " could not be added: see ticket #" + application.ticketId() + ".";
    }

    private static Map<String, String> input(Map<String, String> form) {
        Map<String, String> input = new LinkedHashMap<>(SignUpPage.input(form));
        input.put(REASON, form.getOrDefault(REASON, ""));
        return input;
    }
}
