package org.partnerdesk.directory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.UserDetails;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table with each user's organization membership. */
@Repository
public class StoredUsers {

    static final String SELECT = """
            select u.id, u.name, u.email, u.role, m.organization_id, u.external_id, u.manager_id, u.active,
                   u.contact_side, u.created_at, u.updated_at
              from users u left join organization_memberships m on m.user_id = u.id""";

    private final JdbcClient db;

    StoredUsers(JdbcClient db) {
        this.db = db;
    }


    public long insert(UserDetails v) {
        return db.sql("insert into users (name, email, role, external_id, manager_id) values (?, ?, ?, ?, ?) returning id")
                .params(v.name(), v.email(), v.role().code(), v.externalId(), v.managerId()).query(Long.class).single();
    }

    public void update(long id, UserDetails v) {
        db.sql("update users set name = ?, email = ?, role = ?, external_id = ?, manager_id = ?, updated_at = now() where id = ?")
                .params(v.name(), v.email(), v.role().code(), v.externalId(), v.managerId(), id).update();
    }

    public Optional<User> find(long id) {
        return db.sql(SELECT + " where u.id = ?").param(id).query(StoredUsers::map).optional();
    }

    /** Locks the user row, so a role change and a group membership (DIR-8) cannot interleave. */
    public Optional<User> findForUpdate(long id) {
        return db.sql(SELECT + " where u.id = ? for update of u").param(id).query(StoredUsers::map).optional();
    }

    public Optional<User> findByEmail(String email) {
        return db.sql(SELECT + " where lower(u.email) = lower(?)").param(email).query(StoredUsers::map).optional();
    }

    public Optional<User> findByExternalId(String externalId) {
        return db.sql(SELECT + " where u.external_id = ?").param(externalId).query(StoredUsers::map).optional();
    }

    public List<User> page(long afterId, int limit, @Nullable Long organizationId) {
        if (organizationId != null) {
            return db.sql(SELECT + " where u.id > ? and m.organization_id = ? order by u.id limit ?")
                    .params(afterId, organizationId, limit).query(StoredUsers::map).list();
        }
        return db.sql(SELECT + " where u.id > ? order by u.id limit ?").params(afterId, limit).query(StoredUsers::map).list();
    }

    /** Case-insensitive match on e-mail or name, as Zendesk's user search does for a plain query. */
    public List<User> search(String query, long afterId, int limit) {
        String like = "%" + query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.sql(SELECT + " where u.id > ? and (lower(u.email) = lower(?) or lower(u.email) like ? or lower(u.name) like ?)"
                        + " order by u.id limit ?")
                .params(afterId, query, like, like, limit).query(StoredUsers::map).list();
    }

    /**
     * UI-1 (#16): users in name order (or, with {@code byEmail}, e-mail order) after ({@code afterKey}, {@code afterId})
     * (none on the first page), whose name (or e-mail) begins with {@code prefix}, already lower case; an index serves
     * the order, the range and the keyset.
     */
    public List<User> byName(String prefix, boolean byEmail, @Nullable String afterKey, long afterId, int limit) {
        String key = byEmail ? "lower(u.email) collate \"C\"" : "lower(u.name) collate \"C\"";
        List<Object> params = new java.util.ArrayList<>();
        // the keyset only after the first page: with ('', 0) the index scan starts at the first name, not at the prefix
        if (afterKey != null) {
            params.addAll(List.of(afterKey, afterId));
        }
        if (!prefix.isEmpty()) {
            params.add(prefix);
            params.add(NamePrefix.upperBound(prefix));
        }
        params.add(limit);
        return db.sql(SELECT + " where true" + (afterKey == null ? "" : " and (" + key + ", u.id) > (?, ?)")
                        + (prefix.isEmpty() ? "" : " and " + key + " >= ? and " + key + " < ?")
                        + " order by " + key + ", u.id limit ?")
                .params(params).query(StoredUsers::map).list();
    }

    /** Many users by id in one statement (a page of tickets names its requesters: no query per row). */
    public List<User> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql(SELECT + " where u.id = any(?) order by u.id").param(ids.stream().distinct().toArray(Long[]::new))
                .query(StoredUsers::map).list();
    }

    public List<User> members(long organizationId, int limit) {
        return db.sql(SELECT + " where m.organization_id = ? order by u.id limit ?").params(organizationId, limit)
                .query(StoredUsers::map).list();
    }

    /** Active agents and admins by name, at most {@code limit}. */
    public List<User> staff(int limit) {
        // an address under .invalid (RFC 2606) is nobody to assign work to: the desk's own author of automatic notes
        return db.sql(SELECT + " where u.role in ('agent', 'admin') and u.active and u.email not like '%.invalid'"
                        + " order by lower(u.name), u.id limit ?").param(limit)
                .query(StoredUsers::map).list();
    }

    public List<User> inGroup(long groupId) {
        return db.sql(SELECT + " join group_memberships g on g.user_id = u.id where g.group_id = ? order by u.id")
                .param(groupId).query(StoredUsers::map).list();
    }

    /** DIR-7 import: the users a chunk of CRM contacts names, by external id or e-mail, locked for the import's transaction. */
    public List<User> lockByExternalIdsOrEmails(List<String> externalIds, List<String> emails) {
        // one index probe per value: a plan that does not hang on statistics, which lag behind a new desk's first bulk jobs
        // (an "= any(?) or = any(?)" plan made on a near-empty table scanned 9,000 users per batch: 2.4 -> 36-64 ms)
        return db.sql(SELECT + "\n" + """
                         where u.id in (
                          select f.id from unnest(?::text[]) x(v) cross join lateral (select id from users where external_id = x.v) f
                          union
                          select f.id from unnest(?::text[]) e(v) cross join lateral (select id from users where lower(email) = e.v) f)
                         order by u.id for update of u""")
                .params(externalIds.toArray(String[]::new), emails.stream().map(String::toLowerCase).toArray(String[]::new))
                .query(StoredUsers::map).list();
    }

    /** DIR-7 import: many users in one statement; answers each new id by its external id, which every imported user has. */
    public Map<String, Long> insertAll(List<UserDetails> values) {
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new HashMap<>();
        db.sql("insert into users (name, email, role, external_id)"
                        + " select * from unnest(?::text[], ?::text[], ?::text[], ?::text[]) returning external_id, id")
                .params(values.stream().map(UserDetails::name).toArray(String[]::new),
                        values.stream().map(UserDetails::email).toArray(String[]::new),
                        values.stream().map(v -> v.role().code()).toArray(String[]::new),
                        values.stream().map(UserDetails::externalId).toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    /** Issue #17 item 3: ids for a batch of new users, taken from the users' own sequence in one statement. */
    public List<Long> reserveIds(int count) {
        return db.sql("select nextval(pg_get_serial_sequence('users', 'id')) from generate_series(1, ?)").param(count)
                .query(Long.class).list();
    }

    /** Issue #17 item 3: many users in one statement, under the ids {@link #reserveIds} gave them. */
    public void insertWithIds(Map<Long, UserDetails> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, UserDetails>> rows = List.copyOf(values.entrySet());
        db.sql("insert into users (id, name, email, role, external_id, manager_id)"
                        + " select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])")
                .params(rows.stream().map(Map.Entry::getKey).toArray(Long[]::new),
                        rows.stream().map(e -> e.getValue().name()).toArray(String[]::new),
                        rows.stream().map(e -> e.getValue().email()).toArray(String[]::new),
                        rows.stream().map(e -> e.getValue().role().code()).toArray(String[]::new),
                        rows.stream().map(e -> e.getValue().externalId()).toArray(String[]::new),
                        rows.stream().map(e -> e.getValue().managerId()).toArray(Long[]::new))
                .update();
    }

    /** DIR-7 import: name, e-mail, role and external id of many users in one statement (managers are not the CRM's). */
    public void updateAll(Map<Long, UserDetails> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, UserDetails>> rows = List.copyOf(values.entrySet());
        db.sql("update users u set name = v.name, email = v.email, role = v.role, external_id = v.external_id, updated_at = now()"
                        + " from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) v(id, name, email, role, external_id)"
                        + " where u.id = v.id")
                .params(rows.stream().map(Map.Entry::getKey).toArray(Long[]::new),
                        rows.stream().map(e -> e.getValue().name()).toArray(String[]::new),
                        rows.stream().map(e -> e.getValue().email()).toArray(String[]::new),
                        rows.stream().map(e -> e.getValue().role().code()).toArray(String[]::new),
                        rows.stream().map(e -> e.getValue().externalId()).toArray(String[]::new))
                .update();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        String side = rs.getString("contact_side");
        return new User(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                Role.fromCode(rs.getString("role")).orElseThrow(), (Long) rs.getObject("organization_id"),
                rs.getString("external_id"), (Long) rs.getObject("manager_id"), rs.getBoolean("active"),
                side == null ? null : OrganizationType.fromCode(side).orElseThrow(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
