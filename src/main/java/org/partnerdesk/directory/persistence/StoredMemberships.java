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
        Membership inserted = db.sql("insert into organization_memberships (user_id, organization_id) values (?, ?) returning " + COLUMNS)
                .params(userId, organizationId).query(StoredMemberships::map).single();
        rememberSide(userId, organizationId);
        return inserted;
    }

    public void move(long userId, long organizationId) {
        db.sql("update organization_memberships set organization_id = ?, created_at = now() where user_id = ?")
                .params(organizationId, userId).update();
        rememberSide(userId, organizationId);
    }

    // DIR-3 [001]: every way in goes through here, so no write path forgets the side a contact joined; leaving keeps it
    private void rememberSide(long userId, long organizationId) {
        db.sql("update users set contact_side = o.org_type from organizations o"
                        + " where users.id = ? and o.id = ? and users.contact_side is null and o.org_type in ('customer', 'partner')")
                .params(userId, organizationId).update();
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
