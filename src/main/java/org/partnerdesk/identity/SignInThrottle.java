package org.partnerdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * #10 item 5: wrong passwords slow down the guesser, not the account. Counted in fixed windows ({@link Attempts}):
 * per client address (any e-mail), per e-mail and client address with a delay that doubles after each failure past the
 * free ones, and per e-mail from everywhere only as a ceiling so high that only an attack from many addresses reaches it
 * (logged, since it then stops the owner's password sign-in too). A stranger's guesses therefore never lock the owner out.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Attempts attempts;
    private final Clock clock;
    private final Duration window;
    private final int freeFailures;
    private final int perClient;
    private final int perEmail;

    SignInThrottle(Attempts attempts, Clock clock,
                   @Value("${partnerdesk.sign-in.failure-window:PT15M}") Duration window,
                   @Value("${partnerdesk.sign-in.free-failures:5}") int freeFailures,
                   @Value("${partnerdesk.sign-in.max-failures-per-client:30}") int perClient,
                   @Value("${partnerdesk.sign-in.max-failures-per-email:300}") int perEmail) {
        if (window.toSeconds() < 1 || window.compareTo(Attempts.LONGEST_WINDOW) > 0 || freeFailures < 1 || perClient < 1 || perEmail < 1) {
            throw new IllegalArgumentException("partnerdesk.sign-in: the failure window lasts a second to a day, the limits are positive");
        }
        this.attempts = attempts;
        this.clock = clock;
        this.window = window;
        this.freeFailures = freeFailures;
        this.perClient = perClient;
        this.perEmail = perEmail;
    }

    /** Refuses, before any password is checked, a guess that comes too soon or from an address or for an e-mail past its limit. */
    void check(String email, String client) {
        Attempts.Count byClient = attempts.current(clientKey(client), window);
        if (byClient.attempts() >= perClient) {
            throw new Throttled("from this address", byClient.windowEndsIn());
        }
        Attempts.Count byPair = attempts.current(pairKey(email, client), window);
        Duration wait = waitAfter(byPair);
        if (wait.isPositive()) {
            throw new Throttled("for this e-mail address from this address", wait);
        }
        Attempts.Count byEmail = attempts.current(emailKey(email), window);
        if (byEmail.attempts() >= perEmail) {
            throw new Throttled("for this e-mail address", byEmail.windowEndsIn());
        }
    }

    /** Counts a wrong password (or an unknown e-mail) against the address, the pair and the e-mail. */
    void failed(String email, String client) {
        attempts.add(clientKey(client), window);
        attempts.add(pairKey(email, client), window);
        Attempts.Count byEmail = attempts.add(emailKey(email), window);
        if (byEmail.attempts() == perEmail) {
            log.warn("Password sign-in for {} is suspended for {} s: {} wrong passwords in {} from many addresses (the per-e-mail"
                    + " ceiling, PARTNERDESK_SIGN_IN_MAX_FAILURES_PER_EMAIL); the last came from {}; API tokens keep working",
                    normalized(email), byEmail.windowEndsIn().toSeconds(), byEmail.attempts(), window, client);
        }
    }

    // 1 s after the first failure past the free ones, then 2, 4, 8 … s, never past the end of the window
    private Duration waitAfter(Attempts.Count byPair) {
        if (byPair.attempts() < freeFailures || byPair.lastAt() == null) {
            return Duration.ZERO;
        }
        int doublings = Math.min(byPair.attempts() - freeFailures, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        Instant allowedAt = byPair.lastAt().plus(delay);
        Duration wait = Duration.between(clock.instant(), allowedAt);
        return wait.compareTo(byPair.windowEndsIn()) > 0 ? byPair.windowEndsIn() : wait;
    }

    private static String clientKey(String client) {
        return "sign-in|client|" + client;
    }

    private static String pairKey(String email, String client) {
        return "sign-in|pair|" + normalized(email) + "|" + client;
    }

    private static String emailKey(String email) {
        return "sign-in|" + normalized(email);
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Too many wrong passwords: no password is checked until the wait is over. */
    static final class Throttled extends RuntimeException {

        private final String scope;
        private final Duration retryAfter;

        Throttled(String scope, Duration retryAfter) {
            super("too many failed sign-ins " + scope, null, false, false);
            this.scope = scope;
            this.retryAfter = retryAfter;
        }

        String scope() {
            return scope;
        }

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
