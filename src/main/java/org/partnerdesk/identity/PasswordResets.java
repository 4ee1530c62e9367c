package org.partnerdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.StorableText;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.identity.persistence.StoredPasswordResets;
import org.partnerdesk.identity.persistence.StoredPasswordResets.Reset;
import org.partnerdesk.identity.persistence.StoredPasswords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * UI-1 "Forgot password?": a single-use link, mailed to the address, that sets a new password. Only a user who already has
 * a password gets one: a first password comes with the PO-1/PO-2 invitation, so this is no way around Partner Operations.
 * The answer is the same for every address, known or not, and every request counts against the client address and the
 * e-mail address (the onboarding limits, in PostgreSQL), so nobody learns which addresses have an account or floods one.
 * Setting the password ends every browser session of the person: whoever knew the old password is signed out.
 */
@Service
public class PasswordResets implements PasswordLink {

    private static final String UNUSABLE = "This link has been used, replaced by a newer one or has expired. Ask for a new link.";

    private final StoredPasswordResets stored;
    private final StoredPasswords passwords;
    private final Passwords setter;
    private final Users users;
    private final Attempts attempts;
    private final SignedInSessions sessions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Duration expiresAfter;
    private final Duration window;
    private final int perClient;
    private final int perEmail;
    private final String publicUrl;

    PasswordResets(StoredPasswordResets stored, StoredPasswords passwords, Passwords setter, Users users, Attempts attempts,
                   SignedInSessions sessions, ApplicationEventPublisher publisher, Clock clock,
                   @Value("${partnerdesk.password-reset.expires-after:PT1H}") Duration expiresAfter,
                   @Value("${partnerdesk.onboarding.rate-limit.window:PT1H}") Duration window,
                   @Value("${partnerdesk.onboarding.rate-limit.per-client:20}") int perClient,
                   @Value("${partnerdesk.onboarding.rate-limit.per-email:5}") int perEmail,
                   @Value("${partnerdesk.onboarding.portal-url:http://localhost:8080}") String publicUrl) {
        if (!expiresAfter.isPositive()) {
            throw new IllegalArgumentException("partnerdesk.password-reset.expires-after must be positive, not " + expiresAfter);
        }
        this.stored = stored;
        this.passwords = passwords;
        this.setter = setter;
        this.users = users;
        this.attempts = attempts;
        this.sessions = sessions;
        this.publisher = publisher;
        this.clock = clock;
        this.expiresAfter = expiresAfter;
        this.window = window;
        this.perClient = perClient;
        this.perEmail = perEmail;
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    /**
     * Mails a link to set a new password when an active user with a password has this address; otherwise does nothing,
     * visibly the same. Refuses with a 429 once the client address or the e-mail address is past its limit.
     */
    @Transactional
    public void request(String email, String clientAddress) {
        String address = email.strip();
        Attempts.Count byClient = attempts.add("password-reset|client|" + clientAddress, window);
        Attempts.Count byEmail = attempts.add("password-reset|email|" + address.toLowerCase(Locale.ROOT), window);
        if (byClient.attempts() > perClient) {
            throw tooMany("address", byClient.windowEndsIn());
        }
        if (byEmail.attempts() > perEmail) {
            throw tooMany("e-mail address", byEmail.windowEndsIn());
        }
        if (address.isEmpty() || address.length() > 320 || !StorableText.isStorable(address)) {
            return;
        }
        passwords.ofActiveUser(address).flatMap(found -> users.find(found.actor().userId())).ifPresent(this::issue);
    }

    private void issue(User user) {
        Instant now = now();
        Reset reset = stored.insert(user.id(), now.plus(expiresAfter), now);
        publisher.publishEvent(new PasswordResetRequested(reset.id(), user.email(), user.name(), reset.expiresAt()));
    }

    /**
     * For the mail: a fresh token for a still usable reset, its hash committed before the mail goes (so a quick click finds
     * it); empty when it was used, replaced or has expired. A failed send leaves a hash nobody got; the retry replaces it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<String> mintToken(long resetId) {
        String token = ApiTokens.newToken();
        return stored.setTokenHash(resetId, ApiTokens.hash(token), now()) ? Optional.of(token) : Optional.empty();
    }

    /** How long a mailed link works. */
    public Duration lifetime() {
        return expiresAfter;
    }

    /** Where the mail sends people: the "Set password" page with the token. */
    public String link(String token) {
        return publicUrl + "/password/set?" + parameter() + "=" + token;
    }

    @Override
    public String parameter() {
        return "token";
    }

    @Override
    public Optional<String> whyUnusable(String token) {
        return stored.find(ApiTokens.hash(token.strip())).filter(reset -> reset.isUsableAt(now())).isPresent()
                ? Optional.empty() : Optional.of(UNUSABLE);
    }

    /** Sets the new password once and signs the person out everywhere; an unknown token is refused as a used one. */
    @Override
    @Transactional
    public void setPassword(String token, String password) {
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            throw ApiException.invalid("password", "invalid_value", problem);
        }
        Instant now = now();
        Reset reset = stored.findForUpdate(ApiTokens.hash(token.strip())).filter(found -> found.isUsableAt(now))
                .orElseThrow(() -> ApiException.invalid("token", "invalid_value", UNUSABLE));
        stored.markUsed(reset.id(), now);
        setter.set(reset.userId(), password);
        users.find(reset.userId()).ifPresent(user -> sessions.endAll(user.email()));
    }

    private static ApiException tooMany(String what, Duration retryAfter) {
        return new ApiException(429, "TooManyRequests", "Too many requests from this " + what + "; try again in "
                + Math.max(1, retryAfter.toSeconds()) + " seconds.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
