package org.partnerdesk.ticket.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.TicketHistory;
import org.partnerdesk.database.LagTolerantReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issue #17 item 6: the histories ticket metrics are computed from, a page at a time. A page of up to 100 tickets costs
 * four indexed statements (tickets by id, their status/assignee/group audit events, their comment counts, their
 * authors' last audits), whatever its size, so the list stays as fast as the ticket list itself. Deleted tickets are left out.
 */
@Repository
public class StoredTicketMetrics {

    private final JdbcClient db;
    private final LagTolerantReads lagTolerant;

    StoredTicketMetrics(JdbcClient db, LagTolerantReads lagTolerant) {
        this.db = db;
        this.lagTolerant = lagTolerant;
    }

    public Optional<TicketHistory> history(long ticketId, String deskEmail) {
        return histories(db, db.sql("select id, status, created_at, updated_at from tickets where id = ? and deleted_at is null")
                .param(ticketId).query(StoredTicketMetrics::ticket).list(), deskEmail).stream().findFirst();
    }

    /** The tickets after {@code afterId}, by id, at most {@code limit}. */
    public List<TicketHistory> histories(long afterId, int limit, String deskEmail) {
        // issue #18: a report's list tolerates a second of lag
        return lagTolerant.read(db -> histories(db, db.sql(
                        "select id, status, created_at, updated_at from tickets where id > ? and deleted_at is null order by id limit ?")
                .params(afterId, limit).query(StoredTicketMetrics::ticket).list(), deskEmail));
    }

    private record Row(long id, String status, Instant createdAt, Instant updatedAt) {
    }

    private record Comments(int replies, @Nullable Instant firstReplyAt, @Nullable Instant latestAt) {
    }

    private record Updates(@Nullable Instant byRequester, @Nullable Instant byAssignee) {
    }

    private static List<TicketHistory> histories(JdbcClient db, List<Row> tickets, String deskEmail) {
        if (tickets.isEmpty()) {
            return List.of();
        }
        Long[] ids = tickets.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<TicketHistory.Change>> changes = new HashMap<>();
        db.sql("""
                        select a.ticket_id, a.created_at, e->>'field_name', e->>'value'
                          from ticket_audits a cross join lateral jsonb_array_elements(a.events) e
                         where a.ticket_id = any(?) and e->>'field_name' in ('status', 'assignee_id', 'group_id')
                         order by a.ticket_id, a.id""")
                .param(ids)
                .query(rs -> {
                    changes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new TicketHistory.Change(instant(rs, 2), rs.getString(3), rs.getString(4)));
                });
        Map<Long, Comments> comments = new HashMap<>();
        // a reply is a public comment by staff after the opening one; the desk's automatic answers are not an agent's reply
        db.sql("""
                        select c.ticket_id,
                               count(*) filter (where replied),
                               min(c.created_at) filter (where replied),
                               max(c.created_at)
                          from ticket_comments c
                          join users u on u.id = c.author_id
                          cross join lateral (select c.public and u.role in ('agent', 'admin') and u.email <> ?
                                                     and c.id > (select min(f.id) from ticket_comments f where f.ticket_id = c.ticket_id)
                                                     as replied) r
                         where c.ticket_id = any(?)
                         group by c.ticket_id""")
                .params(deskEmail, ids)
                .query(rs -> {
                    comments.put(rs.getLong(1), new Comments(rs.getInt(2), instant(rs, 3), instant(rs, 4)));
                });
        Map<Long, Updates> updates = new HashMap<>();
        db.sql("""
                        select a.ticket_id,
                               max(a.created_at) filter (where a.author_id = t.requester_id),
                               max(a.created_at) filter (where a.author_id = t.assignee_id)
                          from ticket_audits a join tickets t on t.id = a.ticket_id
                         where a.ticket_id = any(?)
                         group by a.ticket_id""")
                .param(ids)
                .query(rs -> {
                    updates.put(rs.getLong(1), new Updates(instant(rs, 2), instant(rs, 3)));
                });
        List<TicketHistory> histories = new ArrayList<>(tickets.size());
        for (Row t : tickets) {
            Comments c = comments.getOrDefault(t.id(), new Comments(0, null, null));
            Updates u = updates.getOrDefault(t.id(), new Updates(null, null));
            histories.add(new TicketHistory(t.id(), t.status(), t.createdAt(), t.updatedAt(), changes.getOrDefault(t.id(), List.of()), c.replies(),
                    c.firstReplyAt(), c.latestAt(), u.byRequester(), u.byAssignee()));
        }
        return histories;
    }

    private static Row ticket(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
