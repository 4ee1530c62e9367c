package org.partnerdesk.escalation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.escalation.StarRequest;
import org.partnerdesk.escalation.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The star_requests table (TKT-7); a partial unique index keeps one open STAR per ticket. */
@Repository
public class StoredStarRequests {

    private static final String COLUMNS = "id, ticket_id, requested_by, urgency, plan, reason, desired_result, assignee_id, "
            + "respond_by, status, unstar_reason, alternative_path, created_at, updated_at";

    private final JdbcClient db;

    StoredStarRequests(JdbcClient db) {
        this.db = db;
    }

    public StarRequest insert(StarRequest star) {
        long id = db.sql("""
                        insert into star_requests (ticket_id, requested_by, urgency, plan, reason, desired_result, assignee_id,
                                                   respond_by, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(star.ticketId(), star.requestedBy(), star.urgency().code(), star.plan(), star.reason(), star.desiredResult(),
                        star.assigneeId(), Timestamp.from(star.respondBy()), star.status().code(), Timestamp.from(star.createdAt()),
                        Timestamp.from(star.updatedAt()))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    public StarRequest update(StarRequest star) {
        db.sql("update star_requests set status = ?, unstar_reason = ?, alternative_path = ?, updated_at = ? where id = ?")
                .params(star.status().code(), star.unstarReason(), star.alternativePath(), Timestamp.from(star.updatedAt()), star.id())
                .update();
        return find(star.id()).orElseThrow();
    }

    public Optional<StarRequest> find(long id) {
        return db.sql("select " + COLUMNS + " from star_requests where id = ?").param(id).query(StoredStarRequests::map).optional();
    }

    /** For update: a second unstar waits for the first and then sees it. */
    public Optional<StarRequest> lock(long id) {
        return db.sql("select " + COLUMNS + " from star_requests where id = ? for update").param(id)
                .query(StoredStarRequests::map).optional();
    }

    public Optional<StarRequest> starredOn(long ticketId) {
        return db.sql("select " + COLUMNS + " from star_requests where ticket_id = ? and status = 'starred'").param(ticketId)
                .query(StoredStarRequests::map).optional();
    }

    public List<StarRequest> page(@Nullable Long ticketId, long afterId, int limit) {
        if (ticketId == null) {
            return db.sql("select " + COLUMNS + " from star_requests where id > ? order by id limit ?").params(afterId, limit)
                    .query(StoredStarRequests::map).list();
        }
        return db.sql("select " + COLUMNS + " from star_requests where ticket_id = ? and id > ? order by id limit ?")
                .params(ticketId, afterId, limit).query(StoredStarRequests::map).list();
    }

    private static StarRequest map(ResultSet rs, int row) throws SQLException {
        return new StarRequest(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("requested_by"),
                Urgency.fromCode(rs.getString("urgency")).orElseThrow(), rs.getString("plan"), rs.getString("reason"),
                rs.getString("desired_result"), rs.getLong("assignee_id"), rs.getTimestamp("respond_by").toInstant(),
                StarRequest.Status.fromCode(rs.getString("status")), rs.getString("unstar_reason"), rs.getString("alternative_path"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
