package org.partnerdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.identity.persistence.StoredAttempts;
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

    private final StoredAttempts stored;
    private final Clock clock;

    Attempts(StoredAttempts stored, Clock clock) {
        this.stored = stored;
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
        int attempts = stored.add(ApiTokens.hash(key), start, now);
        return new Count(attempts, Duration.between(now, start.plus(window)), now);
    }

    /** The attempts so far in the current window, without counting one. */
    public Count current(String key, Duration window) {
        Instant now = clock.instant();
        Instant start = windowStart(now, window);
        Duration endsIn = Duration.between(now, start.plus(window));
        return stored.hits(ApiTokens.hash(key), start)
                .map(hits -> new Count(hits.count(), endsIn, hits.lastAt()))
                .orElse(new Count(0, endsIn, null));
    }

    /** Forgets windows that started a day or more before {@code now}; run by a job. */
    @Transactional
    public int forgetEndedWindows(Instant now) {
        return stored.deleteWindowsStartedBefore(now.minus(LONGEST_WINDOW));
    }

    private static Instant windowStart(Instant now, Duration window) {
        long seconds = window.toSeconds();
        if (seconds < 1 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("an attempt window lasts from a second to a day, not " + window);
        }
        return Instant.ofEpochSecond(now.getEpochSecond() / seconds * seconds);
    }
}
