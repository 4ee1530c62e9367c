package org.partnerdesk.directory.web;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.IncrementalExport;
import org.partnerdesk.directory.DirectoryExports;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.web.OrganizationController.OrganizationJson;
import org.partnerdesk.directory.web.UserController.UserJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issue #17, Zendesk's incremental exports of users ({@code /incremental/users/cursor}, {@code /incremental/users}) and
 * organizations ({@code /incremental/organizations}, time-based as in Zendesk), for administrators, in the shapes of
 * {@code GET /users/{id}} and {@code GET /organizations/{id}}.
 */
@RestController
@RequestMapping("/api/v2/incremental")
class IncrementalDirectoryController {

    private final DirectoryExports exports;

    IncrementalDirectoryController(DirectoryExports exports) {
        this.exports = exports;
    }

    @GetMapping("/users/cursor")
    UserCursorPage usersByCursor(Actor actor, @RequestParam(name = "start_time", required = false) @Nullable String startTime,
                                 @RequestParam(name = "cursor", required = false) @Nullable String cursor,
                                 @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        IncrementalExport.CursorPage<User> page = exports.usersByCursor(actor, new IncrementalExport(startTime, cursor, perPage));
        return new UserCursorPage(page.items().stream().map(u -> UserJson.of(u, actor)).toList(), cursorUrl(page.afterCursor(), perPage),
                page.afterCursor(), page.beforeCursor() == null ? null : cursorUrl(page.beforeCursor(), perPage), page.beforeCursor(),
                page.endOfStream());
    }

    @GetMapping("/users")
    UserTimePage usersByTime(Actor actor, @RequestParam(name = "start_time", required = false) @Nullable String startTime,
                             @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        IncrementalExport.TimePage<User> page = exports.usersByTime(actor, new IncrementalExport(startTime, null, perPage));
        return new UserTimePage(page.items().stream().map(u -> UserJson.of(u, actor)).toList(), nextPage(page.endTime(), perPage),
                page.items().size(), page.endTime(), page.endOfStream());
    }

    @GetMapping("/organizations")
    OrganizationTimePage organizationsByTime(Actor actor, @RequestParam(name = "start_time", required = false) @Nullable String startTime,
                                             @RequestParam(name = "per_page", required = false) @Nullable String perPage) {
        IncrementalExport.TimePage<Organization> page = exports.organizationsByTime(actor, new IncrementalExport(startTime, null, perPage));
        return new OrganizationTimePage(page.items().stream().map(o -> OrganizationJson.of(o, true)).toList(),
                nextPage(page.endTime(), perPage), page.items().size(), page.endTime(), page.endOfStream());
    }

    private static String cursorUrl(String cursor, @Nullable String perPage) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/incremental/users/cursor.json")
                .queryParam("cursor", cursor).queryParamIfPresent("per_page", Optional.ofNullable(perPage).map(String::strip))
                .build().toUriString();
    }

    private static String nextPage(long endTime, @Nullable String perPage) {
        return ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).queryParam("start_time", endTime)
                .queryParamIfPresent("per_page", Optional.ofNullable(perPage).map(String::strip)).build().toUriString();
    }

    /** One cursor-based page of users. */
    record UserCursorPage(List<UserJson> users, String afterUrl, String afterCursor, @Nullable String beforeUrl,
                          @Nullable String beforeCursor, boolean endOfStream) {
    }

    /** One time-based page of users. */
    record UserTimePage(List<UserJson> users, String nextPage, int count, long endTime, boolean endOfStream) {
    }

    /** One time-based page of organizations. */
    record OrganizationTimePage(List<OrganizationJson> organizations, String nextPage, int count, long endTime, boolean endOfStream) {
    }
}
