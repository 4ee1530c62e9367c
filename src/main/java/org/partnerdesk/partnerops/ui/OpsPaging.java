package org.partnerdesk.partnerops.ui;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** UI-1: the operations lists' keyset pages: a page a person scans, and the "Next page" address that keeps the filter. */
final class OpsPaging {

    /** A page a person scans; the API's 100 is for scripts. */
    static final int PAGE_SIZE = 25;

    private OpsPaging() {
    }

    /** The page after {@code page[after]} (a cursor the page gave out; anything else is refused as the API refuses it). */
    static PageRequest from(HttpServletRequest request) {
        return new PageRequest(PAGE_SIZE, PageRequest.from(request).afterId());
    }

    static @Nullable String next(String path, Map<String, String> filter, CursorPage<?> page) {
        if (!page.hasMore() || page.afterCursor() == null) {
            return null;
        }
        var address = UriComponentsBuilder.fromPath(path);
        filter.forEach(address::queryParam);
        return address.queryParam("page[after]", page.afterCursor()).encode().build().toUriString();
    }
}
