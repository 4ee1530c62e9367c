package org.partnerdesk.ticket.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Group;
import org.partnerdesk.directory.GroupMembership;
import org.partnerdesk.directory.GroupMemberships;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketLists;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * UI-1 agent console: a person's profile (DIR-2) and the tickets they requested, newest first. It lives in the ticket
 * module, which depends on the directory, so the directory needs to know nothing of tickets.
 */
@ConsolePage
class UserPage {

    static final int TICKETS_PER_PAGE = 25;

    private final Users users;
    private final Organizations organizations;
    private final GroupMemberships memberships;
    private final Groups groups;
    private final TicketLists tickets;
    private final DirectoryNames names;

    UserPage(Users users, Organizations organizations, GroupMemberships memberships, Groups groups, TicketLists tickets,
             DirectoryNames names) {
        this.users = users;
        this.organizations = organizations;
        this.memberships = memberships;
        this.groups = groups;
        this.tickets = tickets;
        this.names = names;
    }

    /** {@code before}: the last (oldest) ticket id of the page before, for the next older page. */
    @GetMapping("/agent/users/{id}")
    String user(Actor actor, @PathVariable long id, @RequestParam(name = "before", required = false) @Nullable Long before,
                Model model) {
        actor.requireStaff();
        User user = users.find(actor, id);
        model.addAttribute("user", user);
        model.addAttribute("since", TicketRow.shown(user.createdAt()));
        model.addAttribute("organization", user.organizationId() == null ? null : organizations.find(actor, user.organizationId()));
        model.addAttribute("groups", user.role().isStaff() ? groupsOf(actor, user) : List.of());
        CursorPage<Ticket> requested = tickets.requestedBy(actor, id, new PageRequest(TICKETS_PER_PAGE, before == null ? 0 : before));
        model.addAttribute("rows", names.of(actor, requested.items()).rows(requested.items()));
        model.addAttribute("newerPages", before != null);
        model.addAttribute("olderThan", requested.hasMore() ? requested.items().getLast().id() : null);
        return "ticket/user";
    }

    // DIR-8: the teams, whose names are few and fixed: two queries, not one per membership
    private List<Group> groupsOf(Actor actor, User user) {
        List<GroupMembership> held = memberships.ofUser(actor, new PageRequest(PageRequest.MAX_SIZE, 0), user.id()).items();
        if (held.isEmpty()) {
            return List.of();
        }
        Map<Long, Group> byId = groups.page(actor, new PageRequest(PageRequest.MAX_SIZE, 0)).items().stream()
                .collect(Collectors.toMap(Group::id, Function.identity()));
        return held.stream().map(m -> byId.get(m.groupId())).filter(java.util.Objects::nonNull).toList();
    }
}
