package org.partnerdesk.directory.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.IdList;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.MembershipLists;
import org.partnerdesk.directory.ShowMany;
import org.partnerdesk.directory.web.OrganizationController.OrganizationJson;
import org.partnerdesk.directory.web.OrganizationMembershipController.MembershipJson;
import org.partnerdesk.directory.web.OrganizationMembershipController.OrganizationMembershipPage;
import org.partnerdesk.directory.web.UserController.UserJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issue #17: {@code show_many} for users and organizations, and the organization memberships of one user or organization. */
@RestController
@RequestMapping("/api/v2")
class DirectoryListController {

    private final ShowMany showMany;
    private final MembershipLists memberships;

    DirectoryListController(ShowMany showMany, MembershipLists memberships) {
        this.showMany = showMany;
        this.memberships = memberships;
    }

    @GetMapping("/users/show_many")
    UserList users(Actor actor, @RequestParam(name = "ids", required = false) @Nullable String ids) {
        return new UserList(showMany.users(actor, IdList.parse(ids, "user")).stream().map(u -> UserJson.of(u, actor)).toList());
    }

    @GetMapping("/organizations/show_many")
    OrganizationList organizations(Actor actor, @RequestParam(name = "ids", required = false) @Nullable String ids) {
        return new OrganizationList(showMany.organizations(actor, IdList.parse(ids, "organization")).stream()
                .map(o -> OrganizationJson.of(o, actor.isStaff())).toList());
    }

    @GetMapping("/users/{userId}/organization_memberships")
    OrganizationMembershipPage membershipsOfUser(Actor actor, @PathVariable long userId, HttpServletRequest request) {
        return memberships.ofUser(actor, userId, PageRequest.from(request)).body(MembershipJson::of, request, OrganizationMembershipPage::new);
    }

    @GetMapping("/organizations/{organizationId}/organization_memberships")
    OrganizationMembershipPage membershipsOfOrganization(Actor actor, @PathVariable long organizationId, HttpServletRequest request) {
        return memberships.ofOrganization(actor, organizationId, PageRequest.from(request))
                .body(MembershipJson::of, request, OrganizationMembershipPage::new);
    }

    /** The users {@code show_many} found among those the caller may see. */
    record UserList(List<UserJson> users) {
    }

    /** The organizations {@code show_many} found among those the caller may see. */
    record OrganizationList(List<OrganizationJson> organizations) {
    }
}
