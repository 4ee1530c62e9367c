package org.partnerdesk.partnerops.access.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sign_in_invitations table: token hashes only, single use by a conditional update. */
@Repository
public class StoredInvitations {

    /** An invitation as stored; {@code tokenHash} is null until the mail that carries it is sent. */
    public record Invitation(long id, long userId, String recordType, long recordId, Instant expiresAt, @Nullable Instant usedAt,
                             @Nullable Instant revokedAt) {
    }

    private static final String COLUMNS = "id, user_id, record_type, record_id, expires_at, used_at, revoked_at";

    private final JdbcClient db;

    StoredInvitations(JdbcClient db) {
        this.db = db;
    }

    /** A new invitation for the user; earlier unused ones are revoked, so only the latest link works. */
    public Invitation insert(long userId, String recordType, long recordId, Instant expiresAt, Instant now) {
        db.sql("update sign_in_invitations set revoked_at = ? where user_id = ? and used_at is null and revoked_at is null")
                .params(Timestamp.from(now), userId).update();
        return db.sql("insert into sign_in_invitations (user_id, record_type, record_id, expires_at, created_at)"
                        + " values (?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(userId, recordType, recordId, Timestamp.from(expiresAt), Timestamp.from(now))
                .query((rs, n) -> map(rs)).single();
    }

    /** Sets the token's hash on a still usable invitation; false when it was used, revoked or has expired meanwhile. */
    public boolean setTokenHash(long id, byte[] hash, Instant now) {
        return db.sql("update sign_in_invitations set token_hash = ? where id = ? and used_at is null and revoked_at is null"
                        + " and expires_at > ?")
                .params(hash, id, Timestamp.from(now)).update() == 1;
    }

    public Optional<Invitation> findByToken(byte[] hash) {
        return db.sql("select " + COLUMNS + " from sign_in_invitations where token_hash = ?").param(hash)
                .query((rs, n) -> map(rs)).optional();
    }

    public Optional<Invitation> findByTokenForUpdate(byte[] hash) {
        return db.sql("select " + COLUMNS + " from sign_in_invitations where token_hash = ? for update").param(hash)
                .query((rs, n) -> map(rs)).optional();
    }

    public void markUsed(long id, Instant now) {
        db.sql("update sign_in_invitations set used_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    private static Invitation map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp used = rs.getTimestamp("used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Invitation(rs.getLong("id"), rs.getLong("user_id"), rs.getString("record_type"), rs.getLong("record_id"),
                rs.getTimestamp("expires_at").toInstant(), used == null ? null : used.toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
