package org.partnerdesk.directory.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** DIR-2 organization memberships: at most one per user. */
@Repository
public class StoredMemberships {

    private static final String COLUMNS = "id, user_id, organization_id, created_at";

    private final JdbcClient db;

    StoredMemberships(JdbcClient db) {
        this.db = db;
    }

    public record Membership(long id, long userId, long organizationId, Instant createdAt) {
    }

    public Membership insert(long userId, long organizationId) {
        return db.sql("insert into organization_memberships (user_id, organization_id) values (?, ?) returning " + COLUMNS)
                .params(userId, organizationId).query(StoredMemberships::map).single();
    }

    public void move(long userId, long organizationId) {
        db.sql("update organization_memberships set organization_id = ?, created_at = now() where user_id = ?")
                .params(organizationId, userId).update();
    }

    public void delete(long id) {
        db.sql("delete from organization_memberships where id = ?").param(id).update();
    }

    public void deleteOfUser(long userId) {
        db.sql("delete from organization_memberships where user_id = ?").param(userId).update();
    }

    public Optional<Membership> find(long id) {
        return db.sql("select " + COLUMNS + " from organization_memberships where id = ?").param(id)
                .query(StoredMemberships::map).optional();
    }

    public Optional<Membership> ofUser(long userId) {
        return db.sql("select " + COLUMNS + " from organization_memberships where user_id = ?").param(userId)
                .query(StoredMemberships::map).optional();
    }

    public List<Membership> page(long afterId, int limit, @Nullable Long organizationId, @Nullable Long userId) {
        return db.sql("select " + COLUMNS + " from organization_memberships where id > ?"
                        + " and (cast(? as bigint) is null or organization_id = ?) and (cast(? as bigint) is null or user_id = ?)"
                        + " order by id limit ?")
                .params(afterId, organizationId, organizationId, userId, userId, limit).query(StoredMemberships::map).list();
    }

    private static Membership map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Membership(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant());
    }
}
