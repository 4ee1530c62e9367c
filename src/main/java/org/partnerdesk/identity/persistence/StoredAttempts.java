package org.partnerdesk.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The request_limits table: attempts per hashed key and window. */
@Repository
public class StoredAttempts {

    private final JdbcClient db;

    StoredAttempts(JdbcClient db) {
        this.db = db;
    }

    /** The attempts of one key in one window and when the last one came. */
    public record Hits(int count, @Nullable Instant lastAt) {
    }

    /** Counts one attempt in one upsert and answers the attempts of the window so far. */
    public int add(byte[] bucket, Instant windowStart, Instant at) {
        return db.sql("""
                        insert into request_limits (bucket, window_start, hits, last_hit_at) values (?, ?, 1, ?)
                        on conflict (bucket, window_start) do update set hits = request_limits.hits + 1, last_hit_at = excluded.last_hit_at
                        returning hits""")
                .params(bucket, Timestamp.from(windowStart), Timestamp.from(at)).query(Integer.class).single();
    }

    public Optional<Hits> hits(byte[] bucket, Instant windowStart) {
        return db.sql("select hits, last_hit_at from request_limits where bucket = ? and window_start = ?")
                .params(bucket, Timestamp.from(windowStart))
                .query((rs, n) -> new Hits(rs.getInt(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    public int deleteWindowsStartedBefore(Instant instant) {
        return db.sql("delete from request_limits where window_start < ?").param(Timestamp.from(instant)).update();
    }
}
