package org.partnerdesk.partnerops.access;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.identity.Attempts;
import org.springframework.stereotype.Service;

/**
 * The unauthenticated endpoints (PO-1 sign-up, PO-2 access requests) take a bounded number of requests per client address
 * and per e-mail address in a fixed window, counted in PostgreSQL by {@link Attempts} (shared by all nodes).
 */
@Service
public class RequestLimits {

    private final Attempts attempts;
    private final OnboardingSettings settings;

    RequestLimits(Attempts attempts, OnboardingSettings settings) {
        this.attempts = attempts;
        this.settings = settings;
    }

    /**
     * Counts one request of this endpoint from the client address and, when given, for the e-mail address; throws
     * {@link RateLimited} when either is past its limit. Counted outside the caller's transaction, so refused and
     * invalid requests count too.
     */
    public void hit(String endpoint, String clientAddress, @Nullable String email) {
        Attempts.Count byClient = attempts.add(endpoint + "|client|" + clientAddress, settings.limitWindow());
        Attempts.Count byEmail = email == null ? null
                : attempts.add(endpoint + "|email|" + email.strip().toLowerCase(Locale.ROOT), settings.limitWindow());
        if (byClient.attempts() > settings.perClient()) {
            throw new RateLimited("address", byClient.windowEndsIn());
        }
        if (byEmail != null && byEmail.attempts() > settings.perEmail()) {
            throw new RateLimited("e-mail address", byEmail.windowEndsIn());
        }
    }
}
