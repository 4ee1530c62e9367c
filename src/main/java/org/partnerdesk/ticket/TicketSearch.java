package org.partnerdesk.ticket;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.ticket.persistence.SearchQuery;
import org.partnerdesk.ticket.persistence.StoredSearches;
import org.partnerdesk.ticket.persistence.StoredTickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TKT-6 search in Zendesk's syntax: words and phrases over subjects and comments, field terms such as
 * {@code status:open} or {@code partner:ResellCo}. Agents find every ticket; anyone else only what they may see (API-2).
 */
@Service
public class TicketSearch {

    private final StoredSearches searches;
    private final StoredTickets stored;

    TicketSearch(StoredSearches searches, StoredTickets stored) {
        this.searches = searches;
        this.stored = stored;
    }

    /** One page of matching tickets, best first, and how many match (exact up to 1,000, capped there). */
    public record Results(List<Ticket> tickets, long count) {
        public Results {
            tickets = List.copyOf(tickets);
        }
    }

    /** {@code page} counts from 1, as Zendesk's search does. */
    @Transactional(readOnly = true)
    public Results search(Actor actor, String query, int page, int perPage, @Nullable String sortBy, @Nullable String sortOrder) {
        return search(actor, query, page, perPage, sortBy, sortOrder, StoredSearches.MAX_RESULTS);
    }

    /**
     * TKT-6 within the newest {@code newest} matches only (at most 1,000): they alone are ranked and counted, so a word in
     * half of what the person sees costs a bounded window; the count is exact up to {@code newest} and capped there.
     */
    @Transactional(readOnly = true)
    public Results search(Actor actor, String query, int page, int perPage, @Nullable String sortBy, @Nullable String sortOrder,
                          int newest) {
        SearchQuery parsed = SearchQuery.parse(query, actor.userId(), actor.isStaff());
        SearchQuery.Order order = SearchQuery.Order.of(sortBy, sortOrder);
        if (!parsed.findsTickets()) {
            return new Results(List.of(), 0);
        }
        StoredSearches.Found found = searches.tickets(parsed, order,
                new StoredSearches.Searcher(actor.userId(), actor.organizationId(), actor.isStaff()), (page - 1) * perPage, perPage, newest);
        Map<Long, Integer> position = found.ids().stream().collect(Collectors.toMap(Function.identity(), found.ids()::indexOf));
        List<Ticket> tickets = stored.findAll(found.ids()).stream()
                .sorted(Comparator.comparing(t -> position.get(t.id())))
                .toList();
        return new Results(tickets, found.count());
    }
}
