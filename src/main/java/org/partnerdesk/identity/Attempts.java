package org.partnerdesk.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts attempts per key in fixed windows (failed password sign-ins, {@link SignInThrottle}; PO-1/PO-2 requests without a sign-in). The counters
 * live in PostgreSQL, so every node of a cluster counts the same attempts (nodes are stateless, DESIGN); one upsert per
 * attempt. Keys are stored as SHA-256, never as addresses. Windows are at most a day long; older ones are deleted by a job.
 */
@Service
public class Attempts {

    public static final Duration LONGEST_WINDOW = Duration.ofDays(1);

    private final JdbcClient db;
    private final Clock clock;

    Attempts(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The attempts of a key in the current window, how long until that window ends, and when the last one came. */
    public record Count(int attempts, Duration windowEndsIn, @Nullable Instant lastAt) {
    }

    /** Counts one attempt; its own transaction, so an attempt that is then refused still counts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Count add(String key, Duration window) {
        Instant now = clock.instant();
        Instant start = windowStart(now, window);
        int attempts = db.sql("""
                        insert into request_limits (bucket, window_start, hits, last_hit_at) values (?, ?, 1, ?)
                        on conflict (bucket, window_start) do update set hits = request_limits.hits + 1, last_hit_at = excluded.last_hit_at
                        returning hits""")
                .params(ApiTokens.hash(key), Timestamp.from(start), Timestamp.from(now)).query(Integer.class).single();
        return new Count(attempts, Duration.between(now, start.plus(window)), now);
    }

    /** The attempts so far in the current window, without counting one. */
    public Count current(String key, Duration window) {
        Instant now = clock.instant();
        Instant start = windowStart(now, window);
        Duration endsIn = Duration.between(now, start.plus(window));
        return db.sql("select hits, last_hit_at from request_limits where bucket = ? and window_start = ?")
                .params(ApiTokens.hash(key), Timestamp.from(start))
                .query((rs, n) -> new Count(rs.getInt(1), endsIn, rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional().orElse(new Count(0, endsIn, null));
    }

    /** Forgets windows that started a day or more before {@code now}; run by a job. */
    @Transactional
    public int forgetEndedWindows(Instant now) {
        return db.sql("delete from request_limits where window_start < ?").param(Timestamp.from(now.minus(LONGEST_WINDOW))).update();
    }

    private static Instant windowStart(Instant now, Duration window) {
        long seconds = window.toSeconds();
        if (seconds < 1 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("an attempt window lasts from a second to a day, not " + window);
        }
        return Instant.ofEpochSecond(now.getEpochSecond() / seconds * seconds);
    }
}
