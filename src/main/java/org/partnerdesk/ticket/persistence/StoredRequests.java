package org.partnerdesk.ticket.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.RequestList;
import org.partnerdesk.ticket.RequestOrder;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issue #17 item 4, the Requests API: one person's requests as the portal scopes them (TKT-5, API-2, {@link TicketVisibility}),
 * for everyone alike, agents included (Zendesk treats them as end users there). A deleted ticket (V95) is never a request.
 */
@Repository
public class StoredRequests {

    private static final String NOT_DELETED = " and deleted_at is null";

    private final JdbcClient db;
    private final StoredTickets tickets;

    StoredRequests(JdbcClient db, StoredTickets tickets) {
        this.db = db;
        this.tickets = tickets;
    }

    /** Where the page before ended: its last request's {@code updated_at} (when sorted by it) and id; null for the first page. */
    public record After(@Nullable Instant updatedAt, long id) {
    }

    /** One request the person may see (API-2), not deleted. */
    public Optional<Ticket> visible(long id, long userId, @Nullable Long organizationId) {
        return db.sql("select " + StoredTickets.COLUMNS + " from tickets where id = :id" + NOT_DELETED + " and " + TicketVisibility.VISIBLE_TO)
                .param("id", id).param("user", userId).param("org", organizationId).query(tickets::map).optional();
    }

    /**
     * A page of {@code list} (the caller checked the person may have it), of the given statuses (empty: all): after a keyset
     * cursor, or {@code offset} rows in for Zendesk's offset pages ({@code ?page=2}).
     */
    public List<Ticket> page(RequestList list, long userId, @Nullable Long organizationId, Set<TicketStatus> statuses, RequestOrder order,
                             @Nullable After after, int offset, int limit) {
        String direction = order.descending() ? " desc" : "";
        String compare = order.descending() ? " < " : " > ";
        String keyset = after == null ? "" : order.byUpdatedAt() && after.updatedAt() != null
                ? " and (updated_at, id)" + compare + "(:after_updated, :after_id)" : " and id" + compare + ":after_id";
        String sql = "select " + StoredTickets.COLUMNS + " from tickets where " + scope(list) + NOT_DELETED
                + (statuses.isEmpty() ? "" : " and status = any(:statuses)") + keyset
                + " order by " + (order.byUpdatedAt() ? "updated_at" + direction + ", " : "") + "id" + direction + " limit :limit offset :offset";
        JdbcClient.StatementSpec query = matching(sql, userId, organizationId, statuses).param("limit", limit).param("offset", offset);
        if (after != null) {
            query = query.param("after_id", after.id());
            if (order.byUpdatedAt() && after.updatedAt() != null) {
                query = query.param("after_updated", OffsetDateTime.ofInstant(after.updatedAt(), ZoneOffset.UTC));
            }
        }
        return query.query(tickets::map).list();
    }

    /** Which of these tickets are not deleted (V95), for results found by search. */
    public Set<Long> notDeleted(List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql("select id from tickets where id = any(:ids)" + NOT_DELETED).param("ids", ids.toArray(Long[]::new))
                .query(Long.class).list());
    }

    /** How many requests {@code list} holds, for an offset page's {@code count}. */
    public long count(RequestList list, long userId, @Nullable Long organizationId, Set<TicketStatus> statuses) {
        String sql = "select count(*) from tickets where " + scope(list) + NOT_DELETED + (statuses.isEmpty() ? "" : " and status = any(:statuses)");
        return matching(sql, userId, organizationId, statuses).query(Long.class).single();
    }

    private JdbcClient.StatementSpec matching(String sql, long userId, @Nullable Long organizationId, Set<TicketStatus> statuses) {
        JdbcClient.StatementSpec query = db.sql(sql).param("user", userId).param("org", organizationId);
        return statuses.isEmpty() ? query : query.param("statuses", statuses.stream().map(TicketStatus::code).toArray(String[]::new));
    }

    // the portal's lists (StoredRequestLists), one condition each; requested-or-submitted walks both indexes of V11
    private static String scope(RequestList list) {
        return switch (list) {
            case MINE -> "id in (select id from tickets where requester_id = :user union all select id from tickets where submitter_id = :user)";
            case CCD -> "collaborator_ids @> array[cast(:user as bigint)]";
            case ORGANIZATION -> "organization_id = :org";
            case CUSTOMERS -> "submitter_id = :user and requester_id <> :user";
        };
    }
}
