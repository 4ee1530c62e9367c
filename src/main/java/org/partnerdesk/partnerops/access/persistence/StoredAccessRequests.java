package org.partnerdesk.partnerops.access.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.PortalAccessRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal_access_requests table (PO-2). */
@Repository
public class StoredAccessRequests {

    private static final String COLUMNS = "id, organization_id, name, email, requested_by, status, user_id, decided_by, "
            + "decision_reason, created_at, updated_at";

    private final JdbcClient db;

    StoredAccessRequests(JdbcClient db) {
        this.db = db;
    }

    public PortalAccessRequest insert(long organizationId, String name, String email, @Nullable Long requestedBy, PortalAccessRequest.Status status,
                                      Instant now) {
        return db.sql("insert into portal_access_requests (organization_id, name, email, requested_by, status, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(organizationId, name, email, requestedBy, status.code(), Timestamp.from(now), Timestamp.from(now))
                .query(StoredAccessRequests::map).single();
    }

    public PortalAccessRequest decide(long id, PortalAccessRequest.Status status, @Nullable Long userId, long decidedBy, @Nullable String reason,
                                      Instant now) {
        return db.sql("update portal_access_requests set status = ?, user_id = ?, decided_by = ?, decision_reason = ?, updated_at = ?"
                        + " where id = ? returning " + COLUMNS)
                .params(status.code(), userId, decidedBy, reason, Timestamp.from(now), id)
                .query(StoredAccessRequests::map).single();
    }

    /** #10 items 1, 2: the owner of the address confirmed the request; Partner Operations may now decide it. */
    public PortalAccessRequest confirm(long id, Instant now) {
        return db.sql("update portal_access_requests set status = 'pending', updated_at = ? where id = ? returning " + COLUMNS)
                .params(Timestamp.from(now), id).query(StoredAccessRequests::map).single();
    }

    public Optional<PortalAccessRequest> find(long id) {
        return db.sql("select " + COLUMNS + " from portal_access_requests where id = ?").param(id)
                .query(StoredAccessRequests::map).optional();
    }

    /** For update: two decisions on one request wait for each other, and the second sees the first. */
    public Optional<PortalAccessRequest> lock(long id) {
        return db.sql("select " + COLUMNS + " from portal_access_requests where id = ? for update").param(id)
                .query(StoredAccessRequests::map).optional();
    }

    public List<PortalAccessRequest> page(Set<PortalAccessRequest.Status> statuses, long afterId, int limit) {
        if (statuses.size() == 1) { // UI-1 inboxes: one status walks (status, id) in order; any(?) would sort every row of it
            return db.sql("select " + COLUMNS + " from portal_access_requests where status = ? and id > ? order by id limit ?")
                    .params(statuses.iterator().next().code(), afterId, limit).query(StoredAccessRequests::map).list();
        }
        return db.sql("select " + COLUMNS + " from portal_access_requests where status = any(?) and id > ? order by id limit ?")
                .params(statuses.stream().map(PortalAccessRequest.Status::code).toArray(String[]::new), afterId, limit).query(StoredAccessRequests::map).list();
    }

    private static PortalAccessRequest map(ResultSet rs, int row) throws SQLException {
        return new PortalAccessRequest(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("name"), rs.getString("email"),
                (Long) rs.getObject("requested_by"), PortalAccessRequest.Status.fromCode(rs.getString("status")), (Long) rs.getObject("user_id"),
                (Long) rs.getObject("decided_by"), rs.getString("decision_reason"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
