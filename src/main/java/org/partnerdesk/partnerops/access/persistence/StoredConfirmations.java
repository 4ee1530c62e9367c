package org.partnerdesk.partnerops.access.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The email_confirmations table (#10 items 1, 2): token hashes only, single use by a locked read and an update. */
@Repository
public class StoredConfirmations {

    /** A confirmation as stored; it has no token hash until the mail that carries the token is sent. */
    public record Confirmation(long id, String recordType, long recordId, String email, Instant expiresAt, @Nullable Instant usedAt) {
    }

    private static final String COLUMNS = "id, record_type, record_id, email, expires_at, used_at";

    private final JdbcClient db;

    StoredConfirmations(JdbcClient db) {
        this.db = db;
    }

    public Confirmation insert(String recordType, long recordId, String email, Instant expiresAt, Instant now) {
        return db.sql("insert into email_confirmations (record_type, record_id, email, expires_at, created_at) values (?, ?, ?, ?, ?)"
                        + " returning " + COLUMNS)
                .params(recordType, recordId, email, Timestamp.from(expiresAt), Timestamp.from(now))
                .query((rs, n) -> map(rs)).single();
    }

    /** Sets the token's hash on a confirmation still unused and unexpired; false otherwise. */
    public boolean setTokenHash(long id, byte[] hash, Instant now) {
        return db.sql("update email_confirmations set token_hash = ? where id = ? and used_at is null and expires_at > ?")
                .params(hash, id, Timestamp.from(now)).update() == 1;
    }

    public Optional<Confirmation> findByTokenForUpdate(byte[] hash) {
        return db.sql("select " + COLUMNS + " from email_confirmations where token_hash = ? for update").param(hash)
                .query((rs, n) -> map(rs)).optional();
    }

    public void markUsed(long id, Instant now) {
        db.sql("update email_confirmations set used_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    private static Confirmation map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp used = rs.getTimestamp("used_at");
        return new Confirmation(rs.getLong("id"), rs.getString("record_type"), rs.getLong("record_id"), rs.getString("email"),
                rs.getTimestamp("expires_at").toInstant(), used == null ? null : used.toInstant());
    }
}
