package org.partnerdesk.directory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.partnerdesk.directory.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The groups table: built in by the first migration (DIR-8), read only. */
@Repository
public class StoredGroups {

    private static final String COLUMNS = "id, name, description, created_at";

    private final JdbcClient db;

    StoredGroups(JdbcClient db) {
        this.db = db;
    }

    public Optional<Group> find(long id) {
        return db.sql("select " + COLUMNS + " from groups where id = ?").param(id).query(StoredGroups::map).optional();
    }

    public Optional<Group> findByName(String name) {
        return db.sql("select " + COLUMNS + " from groups where name = ?").param(name).query(StoredGroups::map).optional();
    }

    public List<Group> page(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from groups where id > ? order by id limit ?").params(afterId, limit)
                .query(StoredGroups::map).list();
    }

    private static Group map(ResultSet rs, int row) throws SQLException {
        return new Group(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getTimestamp("created_at").toInstant());
    }
}
