package org.partnerdesk.directory.web;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.Actor;
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
    Map<String, Object> list(Actor actor, HttpServletRequest request) {
        return groups.page(actor, PageRequest.from(request)).body("groups", GroupJson::of, request);
    }

    @GetMapping("/{id}")
    Map<String, GroupJson> show(Actor actor, @PathVariable long id) {
        return Map.of("group", GroupJson.of(groups.find(actor, id)));
    }

    record GroupJson(long id, String url, String name, String description, Instant createdAt) {
        static GroupJson of(Group g) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/groups/{id}.json")
                    .buildAndExpand(g.id()).toUriString();
            return new GroupJson(g.id(), url, g.name(), g.description(), g.createdAt());
        }
    }
}
