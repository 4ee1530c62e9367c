package org.partnerdesk.partnerops.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.partnerops.SignUps;
import org.partnerdesk.partnerops.access.RequestLimits;
import org.partnerdesk.partnerops.access.web.Callers;
import org.partnerdesk.partnerops.signup.SignUpForm;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * UI-1 / PO-1 "Apply to become a partner", without a sign-in: the API's fields and rules ({@link SignUpForm}), its
 * throttle ({@link RequestLimits}, the same counters) and its facade ({@link SignUps#apply}). The answer is the same
 * "Check your e-mail" whether or not the contact's address is known.
 */
@ConsolePage
class SignUpPage {

    static final String TEMPLATE = "partnerops/sign-up";
    private static final FormErrors ERRORS = new FormErrors(Map.of("company", "Company", "parent_company", "Parent company",
            "contact_name", "Your name", "contact_email", "Your e-mail", "authorized_signatory", "Authorized signatory",
            "agreement", "Partner agreement", "questions", "Questions"),
            Map.of("authorized_signatory", "Say whether you may sign the partner agreement for the company.",
                    "agreement", "Choose whether you accept the partner agreement or have questions about it."));
    private static final String[] FIELDS = {"company", "parent_company", "contact_name", "contact_email", "authorized_signatory",
            "agreement", "questions"};

    private final SignUps signUps;
    private final RequestLimits limits;

    SignUpPage(SignUps signUps, RequestLimits limits) {
        this.signUps = signUps;
        this.limits = limits;
    }

    @GetMapping("/portal/sign-up")
    String form(@RequestParam(required = false) @Nullable String sent, Model model) {
        if (sent != null) {
            model.addAttribute("what", "application");
            return "partnerops/check-email";
        }
        model.addAttribute("input", Map.of());
        FormErrors.none(model);
        return TEMPLATE;
    }

    @PostMapping("/portal/sign-up")
    String apply(@RequestParam Map<String, String> form, HttpServletRequest http, HttpServletResponse response, Model model,
                 RedirectAttributes redirect) {
        Optional<Actor> caller = Callers.current();
        model.addAttribute("input", input(form));
        try {
            // PO-1: authorize before validating; staff make accounts by hand, with a reason, in the operations console
            if (caller.map(Actor::isStaff).orElse(false)) {
                throw ApiException.forbidden("You are signed in as staff: Partner Operations create a partner account by hand,"
                        + " with a recorded reason (PO-1). Partners apply here themselves.");
            }
            JsonBody request = JsonBody.root(body(form), "partner_application");
            SignUpForm read = SignUpForm.read(request);
            if (caller.isEmpty()) {
                limits.hit("partner_applications", Callers.address(http), read.contactEmail());
            }
            request.throwIfInvalid();
            signUps.apply(read.application(), caller);
            redirect.addFlashAttribute("email", read.contactEmail());
            return "redirect:/portal/sign-up?sent";
        } catch (ApiException refused) {
            ERRORS.show(refused, model, response);
            return TEMPLATE;
        }
    }

    // shared with ManualAccountPage: the same fields, read alike
    static Map<String, String> input(Map<String, String> form) {
        Map<String, String> input = new LinkedHashMap<>();
        for (String field : FIELDS) {
            input.put(field, form.getOrDefault(field, ""));
        }
        return input;
    }

    // the form as the API's JSON: a yes/no radio is a boolean, a field left out is absent, as a client would send it
    static ObjectNode body(Map<String, String> form) {
        ObjectNode application = JsonNodeFactory.instance.objectNode();
        for (String field : FIELDS) {
            String value = form.get(field);
            if (value == null || (value.isBlank() && !field.equals("company") && !field.equals("contact_name")
                    && !field.equals("contact_email"))) {
                continue;
            }
            if (field.equals("authorized_signatory")) {
                if (value.equals("yes") || value.equals("no")) {
                    application.put(field, value.equals("yes"));
                } else {
                    application.put(field, value);
                }
            } else {
                application.put(field, value);
            }
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("partner_application", application);
        return root;
    }
}
