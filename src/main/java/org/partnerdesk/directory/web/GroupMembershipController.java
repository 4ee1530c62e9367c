package org.partnerdesk.directory.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.GroupMembership;
import org.partnerdesk.directory.GroupMemberships;
import org.partnerdesk.directory.GroupMemberships.Added;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/group_memberships} (SPEC 7, DIR-8). Adding someone already in the group answers 200 with the
 * membership they have, so a retried POST is harmless; a new membership answers 201.
 */
@RestController
@RequestMapping("/api/v2")
class GroupMembershipController {

    private final GroupMemberships memberships;

    GroupMembershipController(GroupMemberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/group_memberships")
    ResponseEntity<GroupMembershipResponse> create(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        JsonBody membership = JsonBody.root(body, "group_membership");
        Long userId = membership.requiredId("user_id");
        Long groupId = membership.requiredId("group_id");
        membership.throwIfInvalid();
        Added added = memberships.add(actor, userId, groupId);
        return ResponseEntity.status(added.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new GroupMembershipResponse(GroupMembershipJson.of(added.membership())));
    }

    @GetMapping("/group_memberships/{id}")
    GroupMembershipResponse show(Actor actor, @PathVariable long id) {
        return new GroupMembershipResponse(GroupMembershipJson.of(memberships.find(actor, id)));
    }

    @DeleteMapping("/group_memberships/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id) {
        memberships.remove(actor, id);
    }

    @GetMapping("/group_memberships")
    GroupMembershipPage list(Actor actor, HttpServletRequest request,
                             @RequestParam(name = "user_id", required = false) @Nullable Long userId,
                             @RequestParam(name = "group_id", required = false) @Nullable Long groupId) {
        return memberships.page(actor, PageRequest.from(request), userId, groupId)
                .body(GroupMembershipJson::of, request, GroupMembershipPage::new);
    }

    @GetMapping("/users/{userId}/group_memberships")
    GroupMembershipPage ofUser(Actor actor, @PathVariable long userId, HttpServletRequest request) {
        return memberships.ofUser(actor, PageRequest.from(request), userId).body(GroupMembershipJson::of, request, GroupMembershipPage::new);
    }

    record GroupMembershipJson(long id, String url, long userId, long groupId, Instant createdAt) {
        static GroupMembershipJson of(GroupMembership m) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/group_memberships/{id}.json")
                    .buildAndExpand(m.id()).toUriString();
            return new GroupMembershipJson(m.id(), url, m.userId(), m.groupId(), m.createdAt());
        }
    }

    /** The root object of one group membership (API-1). */
    record GroupMembershipResponse(GroupMembershipJson groupMembership) {
    }

    /** One cursor page of group memberships (API-1). */
    record GroupMembershipPage(List<GroupMembershipJson> groupMemberships, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
