package org.partnerdesk.partnerops.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** UI-1 "Users": the people of the partner's organization (name, e-mail, role), read only; admins change them. */
@ConsolePage
class OrganizationUsersPage {

    private static final int PAGE_SIZE = 50;

    private final PartnerMembers partners;
    private final Users users;

    OrganizationUsersPage(PartnerMembers partners, Users users) {
        this.partners = partners;
        this.users = users;
    }

    /** One person of the organization as a colleague sees them. */
    record UserRow(String name, String email, String role, boolean you) {
    }

    @GetMapping("/portal/users")
    String page(Actor actor, HttpServletRequest request, Model model) {
        Organization partner = partners.partnerOf(actor);
        PageRequest asked = PageRequest.from(request);
        CursorPage<User> found = users.page(actor, new PageRequest(request.getParameter("page[size]") == null ? PAGE_SIZE : asked.size(),
                asked.afterId()), partner.id());
        model.addAttribute("partner", partner);
        model.addAttribute("rows", found.items().stream().map(u -> new UserRow(u.name(), u.email(), roleInWords(u), u.id() == actor.userId()))
                .toList());
        model.addAttribute("nextPage", found.hasMore() ? UriComponentsBuilder.fromPath("/portal/users")
                .queryParam("page[after]", found.afterCursor()).encode().build().toUriString() : null);
        return "partnerops/users";
    }

    private static String roleInWords(User user) {
        return switch (user.role()) {
            case END_USER -> "Portal user";
            case AGENT -> "Agent";
            case ADMIN -> "Administrator";
        };
    }
}
