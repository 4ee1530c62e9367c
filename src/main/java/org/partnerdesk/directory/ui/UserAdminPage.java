package org.partnerdesk.directory.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Group;
import org.partnerdesk.directory.GroupMembership;
import org.partnerdesk.directory.GroupMemberships;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationMemberships;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.directory.Users;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * UI-1 operations console (#16): one user (DIR-2) with its role, organization and groups (DIR-8), each changed through the
 * directory's facades, which refuse what DIR-3, DIR-4 and DIR-8 forbid; the refusal is said next to the field.
 */
@ConsolePage
class UserAdminPage {

    private final Users users;
    private final Organizations organizations;
    private final OrganizationMemberships memberships;
    private final Groups groups;
    private final GroupMemberships groupMemberships;

    UserAdminPage(Users users, Organizations organizations, OrganizationMemberships memberships, Groups groups,
                  GroupMemberships groupMemberships) {
        this.users = users;
        this.organizations = organizations;
        this.memberships = memberships;
        this.groups = groups;
        this.groupMemberships = groupMemberships;
    }

    @GetMapping("/ops/users/{id}")
    String user(Actor actor, @PathVariable long id, Model model) {
        actor.requireStaff();
        return page(actor, users.find(actor, id), Map.of(), Map.of(), model);
    }

    @PostMapping("/ops/users/{id}/role")
    String changeRole(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String role, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireAdmin(); // as Users#update; API-2: before reading what was typed
        User user = users.find(actor, id);
        Role chosen = Role.fromCode(role).orElse(null);
        if (chosen == null) {
            response.setStatus(422);
            return page(actor, user, Map.of("role", "Choose end-user, agent or admin."), Map.of("role", role), model);
        }
        try {
            users.update(actor, id, new UserDetails(user.name(), user.email(), chosen, user.externalId(), user.managerId()),
                    new Users.Placement.Keep());
            redirect.addFlashAttribute("flash", user.email() + " is now " + (chosen == Role.END_USER ? "an end user" : "an " + chosen.code()) + ".");
            return "redirect:/ops/users/" + id;
        } catch (ApiException refused) {
            response.setStatus(refused.status());
            return page(actor, user, RefusalInWords.byField(refused, Map.of(), "role"), Map.of("role", role), model);
        }
    }

    /**
     * DIR-2..4: the organization by name, or none. Joining goes through {@link OrganizationMemberships} (which lets Support
     * Managers fill alliance partners, DIR-4), a move from one organization to another through {@link Users#update} (admins).
     */
    @PostMapping("/ops/users/{id}/organization")
    String changeOrganization(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String organization, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireStaff();
        User user = users.find(actor, id);
        String typed = organization.strip();
        Map<String, String> kept = Map.of("organization", typed);
        try {
            if (typed.isEmpty()) {
                if (user.organizationId() != null) {
                    memberships.ofUser(actor, id).ifPresent(m -> memberships.delete(actor, m.id()));
                }
                redirect.addFlashAttribute("flash", user.email() + " belongs to no organization now.");
                return "redirect:/ops/users/" + id;
            }
            Organization target = organizations.withName(actor, typed).orElse(null);
            if (target == null) {
                response.setStatus(422);
                return page(actor, user, Map.of("organization", "No organization is named \"" + typed
                        + "\". Give its name as the Organizations list shows it."), kept, model);
            }
            if (user.organizationId() == null) {
                memberships.create(actor, id, target.id());
            } else if (user.organizationId() != target.id()) {
                users.update(actor, id, UserDetails.of(user), new Users.Placement.In(target.id()));
            }
            redirect.addFlashAttribute("flash", user.email() + " now belongs to " + target.describe() + ".");
            return "redirect:/ops/users/" + id;
        } catch (ApiException refused) {
            response.setStatus(refused.status());
            return page(actor, user, RefusalInWords.byField(refused, Map.of(), "organization"), kept, model);
        }
    }

    @PostMapping("/ops/users/{id}/groups")
    String addToGroup(Actor actor, @PathVariable long id, @RequestParam(name = "group", required = false) @Nullable Long groupId,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireAdmin(); // as GroupMemberships#add
        User user = users.find(actor, id);
        if (groupId == null) {
            response.setStatus(422);
            return page(actor, user, Map.of("group", "Choose a group."), Map.of(), model);
        }
        try {
            GroupMemberships.Added added = groupMemberships.add(actor, id, groupId);
            String group = groups.find(actor, groupId).name();
            redirect.addFlashAttribute("flash", added.isNew() ? user.email() + " is now in " + group + "." : user.email() + " was already in " + group + ".");
            return "redirect:/ops/users/" + id;
        } catch (ApiException refused) {
            response.setStatus(refused.status());
            return page(actor, user, RefusalInWords.byField(refused, Map.of(), "group"), Map.of("group", String.valueOf(groupId)), model);
        }
    }

    @PostMapping("/ops/users/{id}/groups/{membershipId}/remove")
    String removeFromGroup(Actor actor, @PathVariable long id, @PathVariable long membershipId, RedirectAttributes redirect) {
        actor.requireAdmin(); // as GroupMemberships#remove
        GroupMembership membership = groupMemberships.find(actor, membershipId);
        if (membership.userId() != id) {
            throw ApiException.notFound("Group membership " + membershipId);
        }
        groupMemberships.remove(actor, membershipId);
        redirect.addFlashAttribute("flash", "Removed from " + groups.find(actor, membership.groupId()).name() + ".");
        return "redirect:/ops/users/" + id;
    }

    private String page(Actor actor, User user, Map<String, String> errors, Map<String, String> typed, Model model) {
        List<Group> all = groups.page(actor, new PageRequest(PageRequest.MAX_SIZE, 0)).items();
        Map<Long, Group> byId = all.stream().collect(Collectors.toMap(Group::id, g -> g));
        List<GroupMembership> held = user.role().isStaff()
                ? groupMemberships.ofUser(actor, new PageRequest(PageRequest.MAX_SIZE, 0), user.id()).items() : List.of();
        Set<Long> heldIds = held.stream().map(GroupMembership::groupId).collect(Collectors.toSet());
        Organization organization = user.organizationId() == null ? null : organizations.find(actor, user.organizationId());
        Map<String, String> form = new HashMap<>();
        form.put("role", user.role().code());
        form.put("organization", organization == null ? "" : organization.name());
        form.put("group", "");
        form.putAll(typed);
        model.addAttribute("user", user);
        model.addAttribute("organization", organization);
        model.addAttribute("memberships", held.stream().map(m -> new HeldGroup(m.id(), byId.get(m.groupId()))).toList());
        model.addAttribute("joinable", all.stream().filter(g -> !heldIds.contains(g.id())).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayChangeOrganization", actor.isAdmin() || actor.isMemberOf(Groups.SUPPORT_MANAGERS));
        return "directory/user";
    }

    /** A group the user is in, with the membership to remove. */
    record HeldGroup(long membershipId, Group group) {
    }
}
