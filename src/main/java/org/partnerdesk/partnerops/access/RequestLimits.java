package org.partnerdesk.partnerops.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.access.persistence.StoredRequestLimits;
import org.springframework.stereotype.Service;

/**
 * The unauthenticated endpoints (PO-1 sign-up, PO-2 access requests) take a bounded number of requests per client address
 * and per e-mail address in a fixed window. Counters live in PostgreSQL, so every node of a cluster counts the same hits
 * (nodes are stateless, DESIGN); one upsert per key. Keys are stored as SHA-256, not as addresses.
 */
@Service
public class RequestLimits {

    private final StoredRequestLimits stored;
    private final OnboardingSettings settings;
    private final Clock clock;

    RequestLimits(StoredRequestLimits stored, OnboardingSettings settings, Clock clock) {
        this.stored = stored;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one request of this endpoint from the client address and, when given, for the e-mail address; throws
     * {@link RateLimited} when either is past its limit. Counted outside the caller's transaction, so refused and
     * invalid requests count too.
     */
    public void hit(String endpoint, String clientAddress, @Nullable String email) {
        Instant now = clock.instant();
        long windowSeconds = settings.limitWindow().toSeconds();
        Instant windowStart = Instant.ofEpochSecond(now.getEpochSecond() / windowSeconds * windowSeconds);
        Duration retryAfter = Duration.between(now, windowStart.plusSeconds(windowSeconds));
        int byClient = stored.hit(key(endpoint, "client", clientAddress), windowStart);
        int byEmail = email == null ? 0 : stored.hit(key(endpoint, "email", email.strip().toLowerCase(Locale.ROOT)), windowStart);
        if (byClient > settings.perClient()) {
            throw new RateLimited("address", retryAfter);
        }
        if (byEmail > settings.perEmail()) {
            throw new RateLimited("e-mail address", retryAfter);
        }
    }

    /** Forgets windows that ended before {@code now}; run by a job. */
    public int forgetEndedWindows(Instant now) {
        return stored.deleteBefore(now.minus(settings.limitWindow()));
    }

    private static byte[] key(String endpoint, String kind, String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((endpoint + "|" + kind + "|" + value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
