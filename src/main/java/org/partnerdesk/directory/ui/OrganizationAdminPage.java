package org.partnerdesk.directory.ui;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationMemberships;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * UI-1 operations console (#16): one organization as the directory holds it (DIR-1: type, track, compliance, domains,
 * sharing; TKT-9 special process; TKT-8 chat webhook) and its members; admins edit it, and whoever
 * {@link OrganizationMemberships} lets (admins; Support Managers for alliance partners, DIR-4) adds and removes members.
 */
@ConsolePage
class OrganizationAdminPage {

    static final int MEMBERS_PER_PAGE = 50;

    private final Organizations organizations;
    private final OrganizationMemberships memberships;
    private final Users users;

    OrganizationAdminPage(Organizations organizations, OrganizationMemberships memberships, Users users) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.users = users;
    }

    /** {@code members_after}: the last member id shown, for the next page of members. */
    @GetMapping("/ops/organizations/{id}")
    String organization(Actor actor, @PathVariable long id, @RequestParam(name = "members_after", required = false) @Nullable Long after,
                        Model model) {
        actor.requireStaff();
        return page(actor, organizations.find(actor, id), after, "", null, model);
    }

    @GetMapping("/ops/organizations/{id}/edit")
    String edit(Actor actor, @PathVariable long id, Model model) {
        actor.requireAdmin(); // as Organizations#update
        Organization organization = organizations.find(actor, id);
        return form(organization, OrganizationForm.of(organization), Map.of(), model);
    }

    @PostMapping("/ops/organizations/{id}")
    String update(Actor actor, @PathVariable long id, @ModelAttribute OrganizationForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        actor.requireAdmin(); // API-2: authorize before reading what was typed
        Organization organization = organizations.find(actor, id);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return form(organization, form, problems, model);
        }
        try {
            Organization saved = organizations.update(actor, id, form.details());
            redirect.addFlashAttribute("flash", "Saved " + saved.name() + ".");
            return "redirect:/ops/organizations/" + id;
        } catch (ApiException refused) {
            Map<String, String> words = RefusalInWords.byField(refused, OrganizationsAdminPage.FIELDS, "name");
            response.setStatus(refused.status());
            return form(organization, form, words, model);
        }
    }

    /** DIR-2..4: a person named by e-mail joins the organization through {@link OrganizationMemberships#create}. */
    @PostMapping("/ops/organizations/{id}/members")
    String addMember(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String email, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireStaff();
        Organization organization = organizations.find(actor, id);
        User user = email.isBlank() ? null : users.findByEmail(email.strip()).orElse(null);
        if (user == null) {
            response.setStatus(422);
            return page(actor, organization, null, email.strip(), email.isBlank() ? "Give the e-mail address of the person to add."
                    : "No user has the e-mail " + email.strip() + ". Check the spelling on the Users list.", model);
        }
        try {
            memberships.create(actor, user.id(), id);
            redirect.addFlashAttribute("flash", user.email() + " is now a member of " + organization.name() + ".");
            return "redirect:/ops/organizations/" + id;
        } catch (ApiException refused) {
            Map<String, String> words = RefusalInWords.byField(refused, Map.of(), "member");
            response.setStatus(refused.status());
            return page(actor, organization, null, email.strip(), words.get("member"), model);
        }
    }

    @PostMapping("/ops/organizations/{id}/members/remove")
    String removeMember(Actor actor, @PathVariable long id, @RequestParam long user, RedirectAttributes redirect) {
        actor.requireStaff();
        Organization organization = organizations.find(actor, id);
        var membership = memberships.ofUser(actor, user).filter(m -> m.organizationId() == id)
                .orElseThrow(() -> ApiException.notFound("Membership of user " + user + " in " + organization.name()));
        try {
            memberships.delete(actor, membership.id());
            redirect.addFlashAttribute("flash", "Removed " + users.find(actor, user).email() + " from " + organization.name() + ".");
        } catch (ApiException refused) {
            redirect.addFlashAttribute("flash", "Not removed. " + String.join(" ", RefusalInWords.byField(refused, Map.of(), "member").values()));
        }
        return "redirect:/ops/organizations/" + id;
    }

    private String page(Actor actor, Organization organization, @Nullable Long after, String memberEmail, @Nullable String memberError,
                        Model model) {
        CursorPage<User> members = users.page(actor, new PageRequest(MEMBERS_PER_PAGE, after == null ? 0 : after), organization.id());
        model.addAttribute("organization", organization);
        model.addAttribute("members", members.items());
        model.addAttribute("membersAfter", members.hasMore() ? members.items().getLast().id() : null);
        model.addAttribute("membersPaged", after != null);
        model.addAttribute("mayChangeMembers", memberships.mayChangeMembers(actor, organization));
        model.addAttribute("memberEmail", memberEmail);
        model.addAttribute("memberError", memberError);
        return "directory/organization";
    }

    private static String form(Organization organization, OrganizationForm form, Map<String, String> errors, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/organization-form";
    }
}
