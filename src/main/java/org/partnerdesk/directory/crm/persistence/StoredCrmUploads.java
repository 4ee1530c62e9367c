package org.partnerdesk.directory.crm.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.crm.CrmUpload;
import org.partnerdesk.directory.crm.ImportKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The crm_import_uploads table (V89): files uploaded from the operations console and their progress (#16). */
@Repository
public class StoredCrmUploads {

    private static final String COLUMNS = "id, actor_id, status, reading, accounts_file, contacts_file, bytes_read, bytes_total,"
            + " accounts_import_id, contacts_import_id, problem, started_at, updated_at, finished_at";

    private final JdbcClient db;

    StoredCrmUploads(JdbcClient db) {
        this.db = db;
    }

    public long insert(long actorId, @Nullable String accountsFile, @Nullable String contactsFile, long bytesTotal) {
        return db.sql("insert into crm_import_uploads (actor_id, status, accounts_file, contacts_file, bytes_total)"
                        + " values (?, 'queued', ?, ?, ?) returning id")
                .params(actorId, accountsFile, contactsFile, bytesTotal).query(Long.class).single();
    }

    public void progress(long id, ImportKind reading, long bytesRead) {
        db.sql("update crm_import_uploads set status = 'running', reading = ?, bytes_read = ?, updated_at = clock_timestamp()"
                        + " where id = ?")
                .params(reading.code(), bytesRead, id).update();
    }

    public void imported(long id, ImportKind kind, long importId, long bytesRead) {
        String column = kind == ImportKind.ACCOUNTS ? "accounts_import_id" : "contacts_import_id";
        db.sql("update crm_import_uploads set " + column + " = ?, bytes_read = ?, updated_at = clock_timestamp() where id = ?")
                .params(importId, bytesRead, id).update();
    }

    public void finished(long id) {
        db.sql("update crm_import_uploads set status = 'finished', reading = null, bytes_read = bytes_total,"
                        + " updated_at = clock_timestamp(), finished_at = clock_timestamp() where id = ?")
                .param(id).update();
    }

    public void failed(long id, String problem) {
        db.sql("update crm_import_uploads set status = 'failed', problem = ?, updated_at = clock_timestamp(),"
                        + " finished_at = clock_timestamp() where id = ?")
                .params(problem, id).update();
    }

    public Optional<CrmUpload> find(long id) {
        return db.sql("select " + COLUMNS + " from crm_import_uploads where id = ?").param(id).query(StoredCrmUploads::map).optional();
    }

    private static CrmUpload map(ResultSet rs, int row) throws SQLException {
        String reading = rs.getString("reading");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new CrmUpload(rs.getLong("id"), rs.getLong("actor_id"), CrmUpload.Status.fromCode(rs.getString("status")).orElseThrow(),
                reading == null ? null : ImportKind.fromCode(reading).orElseThrow(), rs.getString("accounts_file"),
                rs.getString("contacts_file"), rs.getLong("bytes_read"), rs.getLong("bytes_total"),
                (Long) rs.getObject("accounts_import_id"), (Long) rs.getObject("contacts_import_id"), rs.getString("problem"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
