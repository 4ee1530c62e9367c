package org.partnerdesk.ticket.ui;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.ticket.RequestList;
import org.partnerdesk.ticket.RequestLists;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketSearch;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * UI-1 portal, where partners and customers land after sign-in: their lists of requests (TKT-5), newest first in keyset
 * pages, filtered by status, and TKT-6 search over everything they may see, paged by number as search pages.
 */
@ConsolePage
class PortalHomePage {

    static final int PER_PAGE = 25;
    // TKT-6, UI-1 50 ms: only the newest 200 matches are ranked and counted; a word in half of a partner's 2,000 requests
    // had the page rank every match (p95 223 ms on the 1M set, docs/benchmarks.md); 8 pages of 25 stay reachable
    static final int SEARCH_NEWEST = 200;

    private final RequestLists lists;
    private final TicketSearch search;
    private final RequestNames names;

    PortalHomePage(RequestLists lists, TicketSearch search, RequestNames names) {
        this.lists = lists;
        this.search = search;
        this.names = names;
    }

    /** {@code before}: the last (oldest) request id of the page before; {@code q}: a search instead of the list. */
    @GetMapping({"/portal", "/portal/requests"})
    String requests(Actor actor, @RequestParam(name = "list", defaultValue = "mine") String listCode,
                    @RequestParam(name = "status", defaultValue = "") String statusCode,
                    @RequestParam(name = "q", defaultValue = "") String query,
                    @RequestParam(name = "before", required = false) @Nullable Long before,
                    @RequestParam(name = "page", defaultValue = "1") int page, Model model, HttpServletResponse response) {
        RequestList list = RequestList.of(listCode).orElseThrow(() ->
                ApiException.notFound("List " + listCode + " (the portal lists mine, ccd, organization and customers)"));
        TicketStatus status = statusCode.isBlank() ? null : RequestStatus.SHOWN.stream()
                .filter(s -> s.code().equals(statusCode)).findFirst().orElseThrow(() ->
                        ApiException.badRequest("InvalidParameter", "Choose a status from the list."));
        model.addAttribute("list", list.code());
        model.addAttribute("heading", heading(list));
        model.addAttribute("status", statusCode);
        model.addAttribute("statuses", RequestStatus.SHOWN.stream().map(s -> new StatusOption(s.code(), RequestStatus.words(s))).toList());
        model.addAttribute("query", query);
        if (!query.isBlank()) {
            return searched(actor, query, status, page, model, response);
        }
        Optional<String> refusal = lists.refusal(actor, list);
        if (refusal.isPresent()) { // API-2: the list is refused, and the page says why in words
            response.setStatus(403);
            model.addAttribute("refusal", refusal.get());
            return "ticket/portal-requests";
        }
        CursorPage<Ticket> found = lists.page(actor, list, status, new PageRequest(PER_PAGE, before == null ? 0 : before));
        model.addAttribute("rows", names.rows(found.items()));
        model.addAttribute("empty", empty(list, status, before != null));
        model.addAttribute("firstPage", before != null);
        model.addAttribute("olderThan", found.hasMore() ? found.items().getLast().id() : null);
        return "ticket/portal-requests";
    }

    /** A status the filter offers, in words. */
    record StatusOption(String code, String words) {
    }

    // TKT-6 with the person's own scope (API-2); a chosen status is one more term; terms for staff are refused in words
    private String searched(Actor actor, String query, @Nullable TicketStatus status, int page, Model model, HttpServletResponse response) {
        int number = Math.clamp(page, 1, SEARCH_NEWEST / PER_PAGE);
        try {
            TicketSearch.Results found = search.search(actor, status == null ? query : query + " status:" + status.code(), number,
                    PER_PAGE, null, null, SEARCH_NEWEST);
            model.addAttribute("searchRows", names.rows(found.tickets()));
            model.addAttribute("count", found.count());
            model.addAttribute("newestOnly", found.count() >= SEARCH_NEWEST ? SEARCH_NEWEST : null);
            model.addAttribute("page", number);
            model.addAttribute("previousPage", number > 1 ? number - 1 : null);
            model.addAttribute("nextPage", (long) number * PER_PAGE < Math.min(found.count(), SEARCH_NEWEST) ? number + 1 : null);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("problem", e.description());
        }
        return "ticket/portal-requests";
    }

    private static String heading(RequestList list) {
        return switch (list) {
            case MINE -> "My requests";
            case CCD -> "Requests I'm CC'd on";
            case ORGANIZATION -> "My organization's requests";
            case CUSTOMERS -> "Requests for my customers";
        };
    }

    private static String empty(RequestList list, @Nullable TicketStatus status, boolean olderPage) {
        if (olderPage) {
            return "No older requests.";
        }
        String which = status == null ? "" : " with the status " + RequestStatus.words(status);
        return switch (list) {
            case MINE -> "You have no requests" + which + ". Use New request to ask us something.";
            case CCD -> "You are not CC'd on any request" + which + ".";
            case ORGANIZATION -> "Your organization has no requests" + which + ".";
            case CUSTOMERS -> "You have filed no requests for customers" + which + ".";
        };
    }
}
