package org.partnerdesk.directory.crm.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.crm.CrmImport;
import org.partnerdesk.directory.crm.ImportKind;
import org.partnerdesk.directory.crm.ImportRun;
import org.partnerdesk.directory.crm.Reject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The crm_imports and crm_import_rejects tables (V55). */
@Repository
public class StoredCrmImports {

    private static final String COLUMNS = "id, kind, file_name, source, actor_id, started_at, finished_at, rows_read, created, updated,"
            + " unchanged, rejected";

    private final JdbcClient db;

    StoredCrmImports(JdbcClient db) {
        this.db = db;
    }

    /** Takes the CRM import lock until this transaction ends; false while another import holds it. */
    public boolean tryLock() {
        return db.sql("select pg_try_advisory_xact_lock(hashtext('partnerdesk.crm-import'))").query(Boolean.class).single();
    }

    public long start(ImportKind kind, @Nullable String fileName, String source, long actorId) {
        return db.sql("insert into crm_imports (kind, file_name, source, actor_id) values (?, ?, ?, ?) returning id")
                .params(kind.code(), fileName, source, actorId).query(Long.class).single();
    }

    public void finish(long id, int rows, ImportRun run) {
        db.sql("update crm_imports set finished_at = clock_timestamp(), rows_read = ?, created = ?, updated = ?, unchanged = ?,"
                        + " rejected = ? where id = ?")
                .params(rows, run.createdCount(), run.updatedCount(), run.unchangedCount(), run.rejectedCount(), id).update();
    }

    public void addRejects(long id, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        db.sql("insert into crm_import_rejects (import_id, row_number, column_name, external_id, rule, reason)"
                        + " select cast(? as bigint), * from unnest(?::integer[], ?::text[], ?::text[], ?::text[], ?::text[])")
                .params(id, rejects.stream().map(Reject::row).toArray(Integer[]::new),
                        rejects.stream().map(Reject::column).toArray(String[]::new),
                        rejects.stream().map(Reject::externalId).toArray(String[]::new),
                        rejects.stream().map(Reject::rule).toArray(String[]::new),
                        rejects.stream().map(Reject::reason).toArray(String[]::new))
                .update();
    }

    public Optional<CrmImport> find(long id) {
        return db.sql("select " + COLUMNS + " from crm_imports where id = ?").param(id)
                .query((rs, n) -> map(rs, rejects(id, 0, CrmImport.REJECTS_IN_REPORT))).optional();
    }

    public Optional<CrmImport> findSummary(long id) {
        return db.sql("select " + COLUMNS + " from crm_imports where id = ?").param(id).query((rs, n) -> map(rs, List.of())).optional();
    }

    /** Latest first, before the id given, without their rejects (#16: the operations console's history). */
    public List<CrmImport> latest(long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from crm_imports where id < ? order by id desc limit ?").params(beforeId, limit)
                .query((rs, n) -> map(rs, List.of())).list();
    }

    /** In the order they ran, without their rejects (the report of each has them). */
    public List<CrmImport> page(long afterId, int limit) {
        return db.sql("select " + COLUMNS + " from crm_imports where id > ? order by id limit ?").params(afterId, limit)
                .query((rs, n) -> map(rs, List.of())).list();
    }

    public List<Reject> rejects(long id, int afterRow, int limit) {
        return db.sql("select row_number, column_name, external_id, rule, reason from crm_import_rejects"
                        + " where import_id = ? and row_number > ? order by row_number limit ?")
                .params(id, afterRow, limit)
                .query((rs, n) -> new Reject(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The user a command-line import runs as, with its organization and groups, as a token would authenticate it. */
    public Optional<Actor> actorWithEmail(String email) {
        return db.sql("""
                        select u.id, u.email, u.role, m.organization_id,
                               array(select g.name from group_memberships gm join groups g on g.id = gm.group_id where gm.user_id = u.id)
                          from users u left join organization_memberships m on m.user_id = u.id
                         where lower(u.email) = lower(?) and u.active""")
                .param(email)
                .query((rs, n) -> new Actor(rs.getLong(1), rs.getString(2), Role.fromCode(rs.getString(3)).orElseThrow(),
                        (Long) rs.getObject(4), Set.of((String[]) rs.getArray(5).getArray())))
                .optional();
    }

    private static CrmImport map(ResultSet rs, List<Reject> rejects) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new CrmImport(rs.getLong("id"), ImportKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("file_name"),
                rs.getString("source"), rs.getLong("actor_id"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("rows_read"), rs.getInt("created"), rs.getInt("updated"),
                rs.getInt("unchanged"), rs.getInt("rejected"), rejects);
    }
}
