package org.partnerdesk.directory.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Group;
import org.partnerdesk.directory.GroupMembership;
import org.partnerdesk.directory.GroupMemberships;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** UI-1 operations console (#16): the built-in teams (DIR-8) and who is in each; admins add and remove members. */
@ConsolePage
class GroupsAdminPage {

    static final int MEMBERS_PER_PAGE = 50;

    private final Groups groups;
    private final GroupMemberships memberships;
    private final Users users;

    GroupsAdminPage(Groups groups, GroupMemberships memberships, Users users) {
        this.groups = groups;
        this.memberships = memberships;
        this.users = users;
    }

    @GetMapping("/ops/users/groups")
    String list(Actor actor, Model model) {
        model.addAttribute("groups", groups.page(actor, new PageRequest(PageRequest.MAX_SIZE, 0)).items());
        return "directory/groups";
    }

    /** {@code after}: the last membership id shown, for the next page of members. */
    @GetMapping("/ops/users/groups/{id}")
    String group(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable Long after, Model model) {
        return page(actor, groups.find(actor, id), after, "", null, model);
    }

    @PostMapping("/ops/users/groups/{id}/members")
    String addMember(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String email, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireAdmin(); // as GroupMemberships#add
        Group group = groups.find(actor, id);
        User user = email.isBlank() ? null : users.findByEmail(email.strip()).orElse(null);
        if (user == null) {
            response.setStatus(422);
            return page(actor, group, null, email.strip(), email.isBlank() ? "Give the e-mail address of the agent or admin to add."
                    : "No user has the e-mail " + email.strip() + ". Check the spelling on the Users list.", model);
        }
        try {
            boolean isNew = memberships.add(actor, user.id(), id).isNew();
            redirect.addFlashAttribute("flash", user.email() + (isNew ? " is now in " : " was already in ") + group.name() + ".");
            return "redirect:/ops/users/groups/" + id;
        } catch (ApiException refused) {
            response.setStatus(refused.status());
            return page(actor, group, null, email.strip(), RefusalInWords.byField(refused, Map.of(), "member").get("member"), model);
        }
    }

    @PostMapping("/ops/users/groups/{id}/members/{membershipId}/remove")
    String removeMember(Actor actor, @PathVariable long id, @PathVariable long membershipId, RedirectAttributes redirect) {
        actor.requireAdmin(); // as GroupMemberships#remove
        GroupMembership membership = memberships.find(actor, membershipId);
        if (membership.groupId() != id) {
            throw ApiException.notFound("Group membership " + membershipId);
        }
        memberships.remove(actor, membershipId);
        redirect.addFlashAttribute("flash", "Removed " + users.find(actor, membership.userId()).email() + " from "
                + groups.find(actor, id).name() + ".");
        return "redirect:/ops/users/groups/" + id;
    }

    private String page(Actor actor, Group group, @Nullable Long after, String memberEmail, @Nullable String memberError, Model model) {
        CursorPage<GroupMembership> held = memberships.page(actor, new PageRequest(MEMBERS_PER_PAGE, after == null ? 0 : after), null, group.id());
        Map<Long, User> people = users.findMany(actor, held.items().stream().map(GroupMembership::userId).toList()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        List<Member> members = held.items().stream().filter(m -> people.containsKey(m.userId()))
                .map(m -> new Member(m.id(), people.get(m.userId()))).toList();
        model.addAttribute("group", group);
        model.addAttribute("members", members);
        model.addAttribute("membersAfter", held.hasMore() ? held.items().getLast().id() : null);
        model.addAttribute("membersPaged", after != null);
        model.addAttribute("memberEmail", memberEmail);
        model.addAttribute("memberError", memberError);
        return "directory/group";
    }

    /** A member of the group, with the membership to remove. */
    record Member(long membershipId, User user) {
    }
}
