package org.partnerdesk.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The password_resets table (UI-1 "Forgot password?"): token hashes only, single use by a locked read and an update. */
@Repository
public class StoredPasswordResets {

    /** A reset as stored; {@code tokenHash} is null until the mail that carries it is sent. */
    public record Reset(long id, long userId, Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant revokedAt) {

        public boolean isUsableAt(Instant now) {
            return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private static final String COLUMNS = "id, user_id, expires_at, used_at, revoked_at";

    private final JdbcClient db;

    StoredPasswordResets(JdbcClient db) {
        this.db = db;
    }

    /** A new reset for the user; earlier unused ones are revoked, so only the latest link works. */
    public Reset insert(long userId, Instant expiresAt, Instant now) {
        revokeUnused(userId, now);
        return db.sql("insert into password_resets (user_id, expires_at, created_at) values (?, ?, ?) returning " + COLUMNS)
                .params(userId, Timestamp.from(expiresAt), Timestamp.from(now))
                .query((rs, n) -> map(rs)).single();
    }

    public void revokeUnused(long userId, Instant now) {
        db.sql("update password_resets set revoked_at = ? where user_id = ? and used_at is null and revoked_at is null")
                .params(Timestamp.from(now), userId).update();
    }

    /** Sets the token's hash on a still usable reset; false when it was used, revoked or has expired meanwhile. */
    public boolean setTokenHash(long id, byte[] hash, Instant now) {
        return db.sql("update password_resets set token_hash = ? where id = ? and used_at is null and revoked_at is null"
                        + " and expires_at > ?")
                .params(hash, id, Timestamp.from(now)).update() == 1;
    }

    public Optional<Reset> find(byte[] hash) {
        return db.sql("select " + COLUMNS + " from password_resets where token_hash = ?").param(hash)
                .query((rs, n) -> map(rs)).optional();
    }

    public Optional<Reset> findForUpdate(byte[] hash) {
        return db.sql("select " + COLUMNS + " from password_resets where token_hash = ? for update").param(hash)
                .query((rs, n) -> map(rs)).optional();
    }

    public void markUsed(long id, Instant now) {
        db.sql("update password_resets set used_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    private static Reset map(ResultSet rs) throws SQLException {
        Timestamp used = rs.getTimestamp("used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Reset(rs.getLong("id"), rs.getLong("user_id"), rs.getTimestamp("expires_at").toInstant(),
                used == null ? null : used.toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
