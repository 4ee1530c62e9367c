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

    /** A user and the organization it is to belong to, for the CRM import's bulk writes (DIR-7). */
    public record Placement(long userId, long organizationId) {
    }

    /** Many users join at once; each remembers its side as {@link #insert} does. */
    public void insertAll(List<Placement> placements) {
        if (placements.isEmpty()) {
            return;
        }
        db.sql("insert into organization_memberships (user_id, organization_id) select * from unnest(?::bigint[], ?::bigint[])")
                .params(userIds(placements), organizationIds(placements)).update();
        rememberSides(placements);
    }

    /** Many users move at once; each remembers its side as {@link #move} does. */
    public void moveAll(List<Placement> placements) {
        if (placements.isEmpty()) {
            return;
        }
        db.sql("update organization_memberships m set organization_id = v.organization_id, created_at = now()"
                        + " from unnest(?::bigint[], ?::bigint[]) v(user_id, organization_id) where m.user_id = v.user_id")
                .params(userIds(placements), organizationIds(placements)).update();
        rememberSides(placements);
    }

    private void rememberSide(long userId, long organizationId) {
        rememberSides(List.of(new Placement(userId, organizationId)));
    }

    // DIR-3 [001]: every way in goes through here, so no write path forgets the side a contact joined; leaving keeps it
    private void rememberSides(List<Placement> placements) {
        db.sql("update users set contact_side = o.org_type"
                        + " from unnest(?::bigint[], ?::bigint[]) v(user_id, organization_id) join organizations o on o.id = v.organization_id"
                        + " where users.id = v.user_id and users.contact_side is null and o.org_type in ('customer', 'partner')")
                .params(userIds(placements), organizationIds(placements)).update();
    }

    private static Long[] userIds(List<Placement> placements) {
        return placements.stream().map(Placement::userId).toArray(Long[]::new);
    }

    private static Long[] organizationIds(List<Placement> placements) {
        return placements.stream().map(Placement::organizationId).toArray(Long[]::new);
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
