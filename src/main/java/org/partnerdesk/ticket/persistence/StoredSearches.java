package org.partnerdesk.ticket.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.database.LagTolerantReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** TKT-6: runs a {@link SearchQuery} against the tickets' search vectors (V21) and answers ids in result order. */
@Repository
public class StoredSearches {

    /** The most matches a search answers and counts (Zendesk's limit): the newest ones. */
    public static final int MAX_RESULTS = 1000;

    private final LagTolerantReads lagTolerant;

    StoredSearches(LagTolerantReads lagTolerant) {
        this.lagTolerant = lagTolerant;
    }

    /** Whose search it is: everyone's tickets for staff, else only what {@link TicketVisibility} lets the user see. */
    public record Searcher(long userId, @Nullable Long organizationId, boolean seesAll) {
    }

    /** One page of matching ticket ids, best first, and how many match: exact up to the window searched, capped there. */
    public record Found(List<Long> ids, long count) {
    }

    /** TKT-6 as the API answers it: within the newest {@link #MAX_RESULTS} matches. */
    public Found tickets(SearchQuery query, SearchQuery.Order order, Searcher searcher, int offset, int limit) {
        return tickets(query, order, searcher, offset, limit, MAX_RESULTS);
    }

    /** Within the newest {@code newest} matches (at most {@link #MAX_RESULTS}): only they are ranked and counted. */
    public Found tickets(SearchQuery query, SearchQuery.Order order, Searcher searcher, int offset, int limit, int newest) {
        int bound = Math.clamp(newest, 1, MAX_RESULTS);
        // issue #18: search tolerates a second of lag; the tickets found are then read from the primary (TicketSearch)
        return lagTolerant.read(db -> tickets(db, query, order, searcher, offset, limit, bound));
    }

    private Found tickets(JdbcClient db, SearchQuery query, SearchQuery.Order order, Searcher searcher, int offset, int limit, int bound) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        // API-2: only agents search internal notes; everyone else searches what the requester can read
        String vector = searcher.seesAll() ? "search_vector" : "public_search_vector";
        boolean ranked = false;
        if (query.hasText()) {
            String tsquery = tsquery(db, query);
            // only stop words ("the", "a") say nothing about a ticket, so they do not filter
            if (!tsquery.isEmpty()) {
                where.add(vector + " @@ cast(:text as tsquery)");
                params.put("text", tsquery);
                ranked = true;
            }
        }
        int index = 0;
        for (SearchQuery.Condition condition : query.conditions()) {
            SearchQuery.Condition numbered = condition.numbered(index++);
            where.add(numbered.sql().replace(SearchQuery.VECTOR, vector));
            params.putAll(numbered.params());
        }
        if (!searcher.seesAll()) {
            where.add(TicketVisibility.VISIBLE_TO);
            params.put("user", searcher.userId());
            params.put("org", searcher.organizationId());
        }
        where.add(TicketVisibility.NOT_DELETED); // issue #17 item 5: deleted tickets are found by no search
        String filter = String.join(" and ", where);
        // TKT-6: the newest matches only (as Zendesk, at most 1,000): the id index walks them with the text as a filter,
        // or the GIN index finds a rare word's few; ranking and sorting happen within that window
        String window = "select id, created_at, updated_at, priority, status, type" + (ranked ? ", " + vector + " as vector" : "")
                + " from tickets where " + filter + " order by id " + order.windowDirection() + " limit " + bound;
        String rank = ranked ? ", ts_rank(vector, cast(:text as tsquery)) as rank" : "";
        List<long[]> rows = db.sql("select id, count(*) over () as total" + rank + " from (" + window + ") newest"
                        + " order by " + order.sql(ranked) + " limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("total")}).list();
        if (rows.isEmpty()) {
            long count = offset == 0 ? 0 : db.sql("select count(*) from (select 1 from tickets where " + filter + " limit "
                    + bound + ") newest").params(params).query(Long.class).single();
            return new Found(List.of(), count);
        }
        return new Found(rows.stream().map(row -> row[0]).toList(), rows.getFirst()[1]);
    }

    /**
     * The words and phrases as the tsquery the index understands, worked out by the database with the indexing
     * configuration; empty when they are all stop words. Passing it on as text keeps the search a constant the
     * GIN index serves.
     */
    private static String tsquery(JdbcClient db, SearchQuery query) {
        SearchQuery.Condition text = query.textQuery();
        return db.sql("select cast(" + text.sql() + " as text)").params(text.params()).query(String.class).single();
    }
}
