package org.partnerdesk.directory.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Group;
import org.partnerdesk.directory.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v2/groups} (SPEC 7): the built-in teams (DIR-8), read only, for staff. */
@RestController
@RequestMapping("/api/v2/groups")
class GroupController {

    private final Groups groups;

    GroupController(Groups groups) {
        this.groups = groups;
    }

    @GetMapping
    GroupPage list(Actor actor, HttpServletRequest request) {
        return groups.page(actor, PageRequest.from(request)).body(GroupJson::of, request, GroupPage::new);
    }

    @GetMapping("/{id}")
    GroupResponse show(Actor actor, @PathVariable long id) {
        return new GroupResponse(GroupJson.of(groups.find(actor, id)));
    }

    record GroupJson(long id, String url, String name, String description, Instant createdAt) {
        static GroupJson of(Group g) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/groups/{id}.json")
                    .buildAndExpand(g.id()).toUriString();
            return new GroupJson(g.id(), url, g.name(), g.description(), g.createdAt());
        }
    }

    /** The root object of one group (API-1). */
    record GroupResponse(GroupJson group) {
    }

    /** One cursor page of groups (API-1). */
    record GroupPage(List<GroupJson> groups, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
