package org.partnerdesk.ticket.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketSearch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/v2/search} (TKT-6, SPEC 7) in Zendesk's shape: {@code results} with {@code result_type},
 * {@code count}, and offset pages ({@code page}, {@code per_page} up to 100, at most 1000 results deep) linked
 * by absolute {@code next_page} and {@code previous_page}, as Zendesk's search API pages.
 */
@RestController
class SearchController {

    static final int MAX_PER_PAGE = 100;
    static final int MAX_RESULTS = 1000;

    private final TicketSearch search;
    private final TicketJson.Shape shape;

    SearchController(TicketSearch search, TicketForms forms) {
        this.search = search;
        this.shape = new TicketJson.Shape(forms);
    }

    @GetMapping("/api/v2/search")
    SearchResults search(Actor actor, @RequestParam(name = "query", required = false) @Nullable String query,
                         @RequestParam(name = "page", required = false) @Nullable String page,
                         @RequestParam(name = "per_page", required = false) @Nullable String perPage,
                         @RequestParam(name = "sort_by", required = false) @Nullable String sortBy,
                         @RequestParam(name = "sort_order", required = false) @Nullable String sortOrder,
                         HttpServletRequest request) {
        int number = PageRequest.wholeNumber("page", page, 1, Integer.MAX_VALUE, 1);
        int size = PageRequest.wholeNumber("per_page", perPage, 1, MAX_PER_PAGE, MAX_PER_PAGE);
        if ((long) number * size > MAX_RESULTS) {
            throw ApiException.badRequest("InvalidPaginationParameter", "Search answers at most " + MAX_RESULTS
                    + " results (page times per_page); narrow the query or sort it differently.");
        }
        TicketSearch.Results found = search.search(actor, query == null ? "" : query, number, size, sortBy, sortOrder);
        long reachable = Math.min(found.count(), MAX_RESULTS);
        return new SearchResults(found.tickets().stream().map(t -> new SearchResult(shape.of(t, actor), "ticket")).toList(),
                null, (long) number * size < reachable ? pageLink(request, number + 1) : null,
                number > 1 ? pageLink(request, number - 1) : null, found.count());
    }

    @GetMapping("/api/v2/search/count")
    SearchCount count(Actor actor, @RequestParam(name = "query", required = false) @Nullable String query) {
        return new SearchCount(search.search(actor, query == null ? "" : query, 1, 1, null, null).count());
    }

    /** One offset page of results; the desk computes no facets, so {@code facets} is always null. */
    record SearchResults(List<SearchResult> results, @Nullable Object facets, @Nullable String nextPage,
                         @Nullable String previousPage, long count) {
    }

    /** A ticket found, marked as one as Zendesk marks each result's kind. */
    record SearchResult(@JsonUnwrapped TicketJson ticket, String resultType) {
    }

    /** How many tickets a query finds, as the caller may see them. */
    record SearchCount(long count) {
    }

    /** This search again, at another page: the same parameters, absolute, as Zendesk links pages. */
    private static String pageLink(HttpServletRequest request, int page) {
        StringJoiner query = new StringJoiner("&");
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page")) {
                for (String value : values) {
                    query.add(encode(name) + "=" + encode(value));
                }
            }
        });
        query.add("page=" + page);
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                + request.getRequestURI().substring(request.getContextPath().length()) + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
