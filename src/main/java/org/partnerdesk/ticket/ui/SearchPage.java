package org.partnerdesk.ticket.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.ticket.TicketSearch;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** UI-1 agent console: TKT-6 search in Zendesk's syntax, paged by number as the search API pages. */
@ConsolePage
class SearchPage {

    static final int PER_PAGE = 25;
    /** TKT-6: search answers the newest 1,000 matches, as Zendesk does. */
    static final int REACHABLE = 1000;

    private final TicketSearch search;
    private final DirectoryNames names;

    SearchPage(TicketSearch search, DirectoryNames names) {
        this.search = search;
        this.names = names;
    }

    @GetMapping("/agent/search")
    String search(Actor actor, @RequestParam(name = "q", required = false) @Nullable String query,
                  @RequestParam(name = "page", defaultValue = "1") int page, Model model, HttpServletResponse response) {
        actor.requireStaff();
        model.addAttribute("query", query == null ? "" : query);
        if (query == null || query.isBlank()) {
            return "ticket/search";
        }
        int number = Math.clamp(page, 1, REACHABLE / PER_PAGE);
        try {
            TicketSearch.Results found = search.search(actor, query, number, PER_PAGE, null, null);
            long reachable = Math.min(found.count(), REACHABLE);
            model.addAttribute("rows", names.of(actor, found.tickets()).rows(found.tickets()));
            model.addAttribute("count", found.count());
            model.addAttribute("capped", found.count() >= REACHABLE);
            model.addAttribute("page", number);
            model.addAttribute("previousPage", number > 1 ? number - 1 : null);
            model.addAttribute("nextPage", (long) number * PER_PAGE < reachable ? number + 1 : null);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            // TKT-6: a query the desk does not understand is the API's 400 reason beside the field, the query kept to fix
            response.setStatus(400);
            model.addAttribute("problem", e.description());
        }
        return "ticket/search";
    }
}
