package org.partnerdesk.ticket.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.ticket.TagCount;
import org.partnerdesk.ticket.TicketTag;
import org.partnerdesk.ticket.TicketTags;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17: Zendesk's tags endpoints: {@code GET|PUT|POST|DELETE /tickets/{id}/tags} (read; add; replace; remove, each
 * with {@code {"tags":[…]}}) and {@code GET /tags}, the most used tags. Changes are the agents' (API-2).
 */
@RestController
@RequestMapping("/api/v2")
class TicketTagController {

    private static final int MAX_TAGS = 100;

    private final TicketTags tags;

    TicketTagController(TicketTags tags) {
        this.tags = tags;
    }

    @GetMapping("/tickets/{id}/tags")
    Tags of(Actor actor, @PathVariable long id) {
        return new Tags(tags.of(actor, id));
    }

    @PutMapping("/tickets/{id}/tags")
    Tags add(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        tags.checkMayChange(actor, id);
        return new Tags(tags.add(actor, id, named(body)));
    }

    @PostMapping("/tickets/{id}/tags")
    Tags set(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        tags.checkMayChange(actor, id);
        return new Tags(tags.set(actor, id, named(body)));
    }

    @DeleteMapping("/tickets/{id}/tags")
    Tags remove(Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable JsonNode body) {
        tags.checkMayChange(actor, id);
        return new Tags(tags.remove(actor, id, named(body)));
    }

    /** The most used tags, at most {@code page[size]} (100), most used first; Zendesk pages further, the desk stops there. */
    @GetMapping("/tags")
    TagCounts mostUsed(Actor actor, HttpServletRequest request) {
        List<TagCount> counted = tags.mostUsed(actor, PageRequest.sizeFrom(request));
        return new TagCounts(counted, counted.size());
    }

    private static List<String> named(@Nullable JsonNode body) {
        JsonBody request = JsonBody.whole(body);
        List<String> named = request.texts("tags", TicketTag.MAX_LENGTH, MAX_TAGS);
        if (named == null && request.raw("tags") == null) {
            request.problemWith("tags", "blank", "is required: a list of tags, such as {\"tags\":[\"vip\"]}");
        }
        request.throwIfInvalid();
        return named == null ? List.of() : named;
    }

    /** A ticket's tags after the call, as Zendesk answers them. */
    record Tags(List<String> tags) {
    }

    /** {@code GET /tags}: each tag with the number of tickets (not deleted) that carry it. */
    record TagCounts(List<TagCount> tags, int count) {
    }
}
