package org.partnerdesk.notification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.notification.OutboxMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * NTF-1, issue #16: the outbox as the operations console reads it: Spring Modulith's incomplete event publications (with
 * {@code completion-mode=delete} the table holds nothing else) and the reasons of their failures ({@code outbox_failures}).
 */
@Repository
public class StoredOutbox {

    private final JdbcClient db;

    StoredOutbox(JdbcClient db) {
        this.db = db;
    }

    /** Newest first (what an outage left behind is on top), after the given publication (keyset on publication date and id). */
    public List<OutboxMessage> page(@Nullable Instant afterDate, @Nullable UUID afterId, int limit) {
        return db.sql("""
                        select p.id, p.listener_id, p.event_type, p.publication_date, coalesce(p.status, 'PUBLISHED') as status,
                               coalesce(p.completion_attempts, 0) as attempts, p.last_resubmission_date, f.reason, f.failed_at,
                               coalesce(p.serialized_event::jsonb ->> 'ticketId', p.serialized_event::jsonb ->> 'ticket_id') as ticket
                          from event_publication p
                          left join outbox_failures f on f.publication_id = p.id
                         where p.completion_date is null
                           and (cast(? as timestamptz) is null or (p.publication_date, p.id) < (cast(? as timestamptz), cast(? as uuid)))
                         order by p.publication_date desc, p.id desc
                         limit ?""")
                .params(timestamp(afterDate), timestamp(afterDate), afterId, limit)
                .query(StoredOutbox::message).list();
    }

    public int countFailed() {
        return db.sql("select count(*) from event_publication where completion_date is null and status = 'FAILED'")
                .query(Integer.class).single();
    }

    /** Keeps why the listener failed on this event, against its publication (found by the listener and the stored event). */
    public void recordFailure(String listenerId, String serializedEvent, String reason) {
        db.sql("""
                        insert into outbox_failures (publication_id, reason, failed_at)
                        select id, ?, now() from event_publication
                         where listener_id = ? and serialized_event = ? and completion_date is null
                        on conflict (publication_id) do update set reason = excluded.reason, failed_at = excluded.failed_at""")
                .params(reason, listenerId, serializedEvent).update();
    }

    /** Drops the reasons of publications that were delivered since (and so deleted). */
    public int forgetDelivered() {
        return db.sql("delete from outbox_failures f where not exists (select 1 from event_publication p where p.id = f.publication_id)")
                .update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        String ticket = rs.getString("ticket");
        Long ticketId = ticket != null && ticket.matches("\\d{1,18}") ? Long.valueOf(ticket) : null;
        return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("listener_id"), rs.getString("event_type"), ticketId,
                rs.getTimestamp("publication_date").toInstant(), rs.getString("status"), rs.getInt("attempts"),
                instant(rs.getTimestamp("last_resubmission_date")), rs.getString("reason"), instant(rs.getTimestamp("failed_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
