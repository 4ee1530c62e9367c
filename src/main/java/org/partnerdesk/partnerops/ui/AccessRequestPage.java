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
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.partnerops.PortalAccess;
import org.partnerdesk.partnerops.access.AccessRequestForm;
import org.partnerdesk.partnerops.access.RequestLimits;
import org.partnerdesk.partnerops.access.web.Callers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * UI-1 / PO-2 "Request portal access", without a sign-in: the person names the partner company they work for (the API's
 * {@code organization_id}, found by the company's name), their name and e-mail; the API's rules ({@link AccessRequestForm}),
 * throttle and facade ({@link PortalAccess#request}). The same "Check your e-mail" whether or not the address is known.
 */
@ConsolePage
class AccessRequestPage {

    private static final String TEMPLATE = "partnerops/access";
    private static final String UNKNOWN_COMPANY = "We know no partner company by that name. Write it as your company is known"
            + " to us, for example as on your partner agreement.";
    private static final FormErrors ERRORS = new FormErrors(Map.of("company", "Company", "name", "Your name", "email", "Your e-mail"),
            Map.of("company", "Company cannot be blank: name the partner company you work for."));

    private final PortalAccess access;
    private final Organizations organizations;
    private final RequestLimits limits;

    AccessRequestPage(PortalAccess access, Organizations organizations, RequestLimits limits) {
        this.access = access;
        this.organizations = organizations;
        this.limits = limits;
    }

    @GetMapping("/portal/access")
    String form(@RequestParam(required = false) @Nullable String sent, Model model) {
        if (sent != null) {
            model.addAttribute("what", "access");
            return "partnerops/check-email";
        }
        model.addAttribute("input", Map.of());
        FormErrors.none(model);
        return TEMPLATE;
    }

    @PostMapping("/portal/access")
    String request(@RequestParam(defaultValue = "") String company, @RequestParam(defaultValue = "") String name,
                   @RequestParam(defaultValue = "") String email, HttpServletRequest http, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        Optional<Actor> caller = Callers.current();
        Map<String, String> input = new LinkedHashMap<>();
        input.put("company", company);
        input.put("name", name);
        input.put("email", email);
        model.addAttribute("input", input);
        try {
            Optional<Organization> partner = company.isBlank() ? Optional.empty() : organizations.partnerNamed(company);
            ObjectNode ask = JsonNodeFactory.instance.objectNode();
            partner.ifPresent(found -> ask.put("organization_id", found.id()));
            ask.put("name", name);
            ask.put("email", email);
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set("portal_access_request", ask);
            JsonBody request = JsonBody.root(root, "portal_access_request");
            AccessRequestForm read = AccessRequestForm.read(request);
            if (partner.isEmpty()) { // the API's organization_id, as the person names it
                request.problemWith("company", company.isBlank() ? "blank" : FormErrors.SENTENCE, UNKNOWN_COMPANY);
            }
            if (caller.isEmpty()) {
                limits.hit("portal_access_requests", Callers.address(http), read.email());
            }
            request.throwIfInvalid();
            access.request(caller, read.ask());
            redirect.addFlashAttribute("email", read.email());
            return "redirect:/portal/access?sent";
        } catch (ApiException refused) {
            ERRORS.show(withoutOrganizationId(refused), model, response);
            return TEMPLATE;
        }
    }

    // the page asks for a company, not an id: the API's organization_id problems are the company field's
    private static ApiException withoutOrganizationId(ApiException refused) {
        if (!refused.details().containsKey("organization_id")) {
            return refused;
        }
        Map<String, java.util.List<ApiException.FieldError>> details = new LinkedHashMap<>(refused.details());
        var problems = details.remove("organization_id");
        if (!details.containsKey("company")) {
            details.put("company", refused.status() == 422 && problems.getFirst().error().equals("blank")
                    ? problems : java.util.List.of(new ApiException.FieldError(UNKNOWN_COMPANY, FormErrors.SENTENCE)));
        }
        return new ApiException(refused.status(), refused.error(), refused.description(), details);
    }
}
