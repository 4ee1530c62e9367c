package org.partnerdesk.ticket.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.DeletedTicket;
import org.partnerdesk.ticket.DeletedTicketOrder;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issue #17 item 5: the tickets bin. A deleted ticket keeps its row with {@code deleted_at} and {@code deleted_by_id} (V95);
 * a purged one stays as a tombstone ({@code purged_at}, its content scrubbed) so the incremental export still reports it.
 * The bin is what is deleted and not purged, read along V100's index.
 */
@Repository
public class StoredDeletions {

    /** What a purged ticket's subject becomes (Zendesk's word for a scrubbed ticket). */
    public static final String SCRUBBED = "SCRUBBED";

    private static final String IN_BIN = "t.deleted_at is not null and t.purged_at is null";
    private static final String COLUMNS = "t.id, t.subject, t.description, t.status, t.deleted_at, t.deleted_by_id, u.name as deleted_by_name";
    private static final String FROM = " from tickets t left join users u on u.id = t.deleted_by_id where ";

    private final JdbcClient db;

    StoredDeletions(JdbcClient db) {
        this.db = db;
    }

    /** The caller holds the ticket's row lock (it read it for update). */
    public void markDeleted(long ticketId, long deletedById, Instant at) {
        db.sql("update tickets set deleted_at = ?, deleted_by_id = ? where id = ? and deleted_at is null")
                .params(Timestamp.from(at), deletedById, ticketId).update();
    }

    public Optional<DeletedTicket> findInBinForUpdate(long ticketId) {
        return db.sql("select " + COLUMNS + FROM + "t.id = ? and " + IN_BIN + " for update of t").param(ticketId)
                .query(StoredDeletions::map).optional();
    }

    /** Deleted, whether still in the bin or purged since. */
    public boolean wasDeleted(long ticketId) {
        return db.sql("select exists (select 1 from tickets where id = ? and deleted_at is not null)").param(ticketId)
                .query(Boolean.class).single();
    }

    public boolean isInBin(long ticketId) {
        return db.sql("select exists (select 1 from tickets t where t.id = ? and " + IN_BIN + ")").param(ticketId)
                .query(Boolean.class).single();
    }

    public void restore(long ticketId) {
        db.sql("update tickets set deleted_at = null, deleted_by_id = null, updated_at = now() where id = ?").param(ticketId).update();
    }

    /**
     * The content goes, the row stays: comments (and with them the search words of V21's trigger), audits (they repeat
     * comments and field values), custom fields, tags and CCs; the subject becomes {@link #SCRUBBED}. The caller removed the
     * files first (attachments reference comments).
     */
    public void scrub(long ticketId, Instant at) {
        db.sql("delete from ticket_comments where ticket_id = ?").param(ticketId).update();
        db.sql("delete from ticket_audits where ticket_id = ?").param(ticketId).update();
        db.sql("update tickets set subject = ?, description = '', custom_fields = '{}'::jsonb, tags = '{}', collaborator_ids = '{}',"
                        + " purged_at = ? where id = ?")
                .params(SCRUBBED, Timestamp.from(at), ticketId).update();
    }

    /** Tickets deleted before {@code cutoff} and not yet purged, oldest deletion first; rows another purge holds are skipped. */
    public List<Long> deletedBefore(Instant cutoff, int limit) {
        return db.sql("select t.id from tickets t where t.deleted_at < ? and " + IN_BIN + " order by t.deleted_at, t.id limit ?"
                        + " for update skip locked")
                .params(Timestamp.from(cutoff), limit).query(Long.class).list();
    }

    /** One keyset page of the bin: after {@code (afterDeletedAt, afterId)} in the order's direction; both null on the first page. */
    public List<DeletedTicket> page(DeletedTicketOrder order, @Nullable Instant afterDeletedAt, @Nullable Long afterId, int limit) {
        String direction = order.descending() ? "desc" : "asc";
        String compare = order.descending() ? "<" : ">";
        String after = "";
        if (afterId != null) {
            after = order.byDeletedAt() ? " and (t.deleted_at, t.id) " + compare + " (:after_at, :after_id)" : " and t.id " + compare + " :after_id";
        }
        String orderBy = order.byDeletedAt() ? "t.deleted_at " + direction + ", t.id " + direction : "t.id " + direction;
        var query = db.sql("select " + COLUMNS + FROM + IN_BIN + after + " order by " + orderBy + " limit :limit").param("limit", limit);
        if (afterId != null) {
            query = query.param("after_id", afterId);
            if (order.byDeletedAt()) {
                query = query.param("after_at", Timestamp.from(afterDeletedAt == null ? Instant.EPOCH : afterDeletedAt));
            }
        }
        return query.query(StoredDeletions::map).list();
    }

    private static DeletedTicket map(ResultSet rs, int row) throws SQLException {
        return new DeletedTicket(rs.getLong("id"), rs.getString("subject"), rs.getString("description"), rs.getLong("deleted_by_id"),
                rs.getString("deleted_by_name"), rs.getTimestamp("deleted_at").toInstant(), TicketStatus.of(rs.getString("status")));
    }
}
