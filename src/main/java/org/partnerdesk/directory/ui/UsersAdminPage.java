package org.partnerdesk.directory.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** UI-1 operations console (#16): the users (DIR-2) in name order, searched by the beginning of a name or e-mail, in keyset pages. */
@ConsolePage
class UsersAdminPage {

    static final int PAGE_SIZE = 50;

    private final Users users;
    private final Organizations organizations;

    UsersAdminPage(Users users, Organizations organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    @GetMapping("/ops/users")
    String list(Actor actor, @RequestParam(defaultValue = "") String q, HttpServletRequest request, Model model) {
        actor.requireStaff();
        CursorPage<User> found = users.byName(actor, q, new KeysetRequest(PAGE_SIZE, KeysetRequest.from(request).after()));
        // the organizations the page names, in one query
        List<Long> organizationIds = found.items().stream().map(User::organizationId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Organization> named = organizations.findMany(actor, organizationIds).stream()
                .collect(Collectors.toMap(Organization::id, Function.identity()));
        model.addAttribute("query", q.strip());
        model.addAttribute("rows", found.items().stream().map(u -> new UserRow(u, u.organizationId() == null ? null : named.get(u.organizationId()))).toList());
        model.addAttribute("paged", request.getParameter("page[after]") != null);
        model.addAttribute("nextPage", found.hasMore() ? address(q.strip(), found.afterCursor()) : null);
        return "directory/users";
    }

    /** One line of the list: the user and its organization, if any. */
    record UserRow(User user, @Nullable Organization organization) {
    }

    private static String address(String query, String after) {
        var address = UriComponentsBuilder.fromPath("/ops/users");
        if (!query.isEmpty()) {
            address.queryParam("q", query);
        }
        return address.queryParam("page[after]", after).encode().build().toUriString();
    }
}
