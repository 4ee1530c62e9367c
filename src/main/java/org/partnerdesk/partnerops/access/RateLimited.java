package org.partnerdesk.partnerops.access;

import java.time.Duration;

import org.partnerdesk.api.ApiException;

/** A 429 in the API error shape; {@code access.web} adds the {@code Retry-After} header. */
public class RateLimited extends ApiException {

    private final long retryAfterSeconds;

    public RateLimited(String what, Duration retryAfter) {
        super(429, "TooManyRequests", "Too many requests from this " + what + "; try again in "
                + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
