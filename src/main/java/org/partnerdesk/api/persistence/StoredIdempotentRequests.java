package org.partnerdesk.api.persistence;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API-1 the idempotent_requests table: per user and {@code Idempotency-Key}, the hash of the first request and its answer.
 * Every statement joins the transaction the idempotency filter holds around the request.
 */
@Repository
public class StoredIdempotentRequests {

    // how long a retry waits for the request that holds its key before it answers 409 IdempotentRequestInProgress
    private static final String CLAIM_WAIT = "5s";

    private final JdbcClient db;

    StoredIdempotentRequests(JdbcClient db) {
        this.db = db;
    }

    /** The first request for a key as kept: no status yet while it is claimed but not answered. */
    public record Kept(byte[] requestHash, @Nullable Integer status, @Nullable String contentType, byte @Nullable [] body) {
    }

    /**
     * Takes the key; false when another request holds an answered claim younger than a day. A key older than a day is
     * taken over as if new; so is a claim committed without an answer. Throws
     * {@link org.springframework.dao.PessimisticLockingFailureException} when the claim is still locked after {@code CLAIM_WAIT}.
     */
    public boolean claim(long userId, String key, byte[] requestHash) {
        db.sql("set local lock_timeout = '" + CLAIM_WAIT + "'").update();
        int claimed = db.sql("""
                        insert into idempotent_requests (user_id, idem_key, request_hash) values (?, ?, ?)
                        on conflict (user_id, idem_key) do update
                           set request_hash = excluded.request_hash, status = null, content_type = null, body = null, created_at = now()
                         where idempotent_requests.created_at < now() - interval '24 hours' or idempotent_requests.status is null""")
                .params(userId, key, requestHash).update();
        db.sql("set local lock_timeout to default").update();
        return claimed == 1;
    }

    /** Writes the answer into the claim, in the request's own transaction. */
    public void answer(long userId, String key, int status, @Nullable String contentType, byte[] body) {
        db.sql("update idempotent_requests set status = ?, content_type = ?, body = ? where user_id = ? and idem_key = ?")
                .params(status, contentType, body, userId, key)
                .update();
    }

    /** Keeps a refusal after its request rolled back, unless another request took the key meanwhile. */
    public void keepRefusal(long userId, String key, byte[] requestHash, int status, @Nullable String contentType, byte[] body) {
        db.sql("""
                        insert into idempotent_requests (user_id, idem_key, request_hash, status, content_type, body) values (?, ?, ?, ?, ?, ?)
                        on conflict (user_id, idem_key) do nothing""")
                .params(userId, key, requestHash, status, contentType, body)
                .update();
    }

    public Optional<Kept> find(long userId, String key) {
        return db.sql("select request_hash, status, content_type, body from idempotent_requests where user_id = ? and idem_key = ?")
                .params(userId, key)
                .query((rs, n) -> new Kept(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }
}
