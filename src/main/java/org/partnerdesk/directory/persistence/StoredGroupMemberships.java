package org.partnerdesk.directory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.GroupMembership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The group_memberships table: at most one per user and group. */
@Repository
public class StoredGroupMemberships {

    private static final String COLUMNS = "id, user_id, group_id, created_at";

    private final JdbcClient db;

    StoredGroupMemberships(JdbcClient db) {
        this.db = db;
    }

    public GroupMembership insert(long userId, long groupId) {
        return db.sql("insert into group_memberships (user_id, group_id) values (?, ?) returning " + COLUMNS)
                .params(userId, groupId).query(StoredGroupMemberships::map).single();
    }

    public void delete(long id) {
        db.sql("delete from group_memberships where id = ?").param(id).update();
    }

    public Optional<GroupMembership> find(long id) {
        return db.sql("select " + COLUMNS + " from group_memberships where id = ?").param(id)
                .query(StoredGroupMemberships::map).optional();
    }

    public Optional<GroupMembership> find(long userId, long groupId) {
        return db.sql("select " + COLUMNS + " from group_memberships where user_id = ? and group_id = ?")
                .params(userId, groupId).query(StoredGroupMemberships::map).optional();
    }

    public boolean hasAny(long userId) {
        return db.sql("select exists (select 1 from group_memberships where user_id = ?)").param(userId)
                .query(Boolean.class).single();
    }

    public List<GroupMembership> page(long afterId, int limit, @Nullable Long userId, @Nullable Long groupId) {
        return db.sql("select " + COLUMNS + " from group_memberships where id > ?"
                        + " and (cast(? as bigint) is null or user_id = ?) and (cast(? as bigint) is null or group_id = ?)"
                        + " order by id limit ?")
                .params(afterId, userId, userId, groupId, groupId, limit).query(StoredGroupMemberships::map).list();
    }

    private static GroupMembership map(ResultSet rs, int row) throws SQLException {
        return new GroupMembership(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("group_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
