package org.partnerdesk.ticket.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.partnerdesk.api.IncrementalExport.Position;
import org.partnerdesk.ticket.Audit;
import org.partnerdesk.ticket.ExportedTicket;
import org.partnerdesk.database.LagTolerantReads;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Issue #17: tickets and their audits in the order they changed, one index range scan per page (V96). */
@Repository
public class StoredTicketExports {

    private final LagTolerantReads db;
    private final JsonMapper json;
    private final StoredTickets tickets;

    StoredTicketExports(LagTolerantReads db, JsonMapper json, StoredTickets tickets) {
        this.db = db;
        this.json = json;
        this.tickets = tickets;
    }

    /**
     * Every ticket, deleted and purged ones too, changed after {@code after} and before {@code before}; without the
     * entitlement decision, which the export does not write.
     */
    public List<ExportedTicket> changed(Position after, Instant before, int limit) {
        // issue #18: an export runs behind the present by design (its end is a second ago), so the replica serves it
        return db.read(client -> client.sql("select " + StoredTickets.CONTENT_COLUMNS + ", deleted_at, purged_at from tickets"
                        + " where (updated_at, id) > (?, ?) and updated_at < ? order by updated_at, id limit ?")
                .params(Timestamp.from(after.at()), after.id(), Timestamp.from(before), limit)
                .query(this::exported).list());
    }

    /**
     * The audits made after {@code after} and before {@code before}; a deleted ticket's only from its deletion on (its
     * deletion is reported, not its content), a purged ticket's none.
     */
    public List<Audit> audits(Position after, Instant before, int limit) {
        return db.read(client -> client.sql("""
                        select a.id, a.ticket_id, a.author_id, a.events::text, a.created_at
                          from ticket_audits a join tickets t on t.id = a.ticket_id
                         where (a.created_at, a.id) > (?, ?) and a.created_at < ?
                           and t.purged_at is null and (t.deleted_at is null or a.created_at >= t.deleted_at)
                         order by a.created_at, a.id limit ?""")
                .params(Timestamp.from(after.at()), after.id(), Timestamp.from(before), limit)
                .query((rs, n) -> new Audit(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        json.readValue(rs.getString(4), new TypeReference<List<Audit.Event>>() { }),
                        rs.getTimestamp(5).toInstant()))
                .list());
    }

    private ExportedTicket exported(ResultSet rs, int row) throws SQLException {
        Instant createdAt = rs.getTimestamp("created_at").toInstant();
        Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
        if (rs.getTimestamp("purged_at") != null) { // a tombstone: its content is gone, and not read
            return new ExportedTicket(rs.getLong("id"), null, true, createdAt, updatedAt);
        }
        return new ExportedTicket(rs.getLong("id"), tickets.content(rs), rs.getTimestamp("deleted_at") != null, createdAt, updatedAt);
    }
}
