package org.partnerdesk.directory.ui;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * UI-1 operations console (#16): the organizations (DIR-1) in name order, searched by the beginning of a name or by an
 * e-mail domain, in keyset pages; admins create one here, through {@link Organizations#create} like the API.
 */
@ConsolePage
class OrganizationsAdminPage {

    static final int PAGE_SIZE = 50;

    /** The facade's field names as this form names them. */
    static final Map<String, String> FIELDS = Map.of("name", "name", "external_id", "externalId", "domain_names", "domains",
            "organization_fields.org_type", "type", "organization_fields.partner_track", "track");

    private final Organizations organizations;

    OrganizationsAdminPage(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/ops/organizations")
    String list(Actor actor, @RequestParam(defaultValue = "") String q, HttpServletRequest request, Model model) {
        actor.requireStaff();
        CursorPage<Organization> found = organizations.byName(actor, q, new KeysetRequest(PAGE_SIZE, KeysetRequest.from(request).after()));
        model.addAttribute("query", q.strip());
        model.addAttribute("organizations", found.items());
        model.addAttribute("paged", request.getParameter("page[after]") != null);
        model.addAttribute("nextPage", found.hasMore() ? address(q.strip(), found.afterCursor()) : null);
        return "directory/organizations";
    }

    @GetMapping("/ops/organizations/new")
    String newOrganization(Actor actor, Model model) {
        actor.requireAdmin(); // as Organizations#create: the form is for those who may send it
        return form(OrganizationForm.blank(), Map.of(), model);
    }

    @PostMapping("/ops/organizations")
    String create(Actor actor, @ModelAttribute OrganizationForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        actor.requireAdmin(); // API-2: authorize before reading what was typed
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return form(form, problems, model);
        }
        try {
            Organization created = organizations.create(actor, form.details());
            redirect.addFlashAttribute("flash", created.describe().substring(0, 1).toUpperCase() + created.describe().substring(1) + " created.");
            return "redirect:/ops/organizations/" + created.id();
        } catch (ApiException refused) {
            Map<String, String> words = RefusalInWords.byField(refused, FIELDS, "name");
            response.setStatus(refused.status());
            return form(form, words, model);
        }
    }

    private static String form(OrganizationForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("organization", null);
        return "directory/organization-form";
    }

    static String address(String query, String after) {
        var address = UriComponentsBuilder.fromPath("/ops/organizations");
        if (!query.isEmpty()) {
            address.queryParam("q", query);
        }
        return address.queryParam("page[after]", after).encode().build().toUriString();
    }
}
