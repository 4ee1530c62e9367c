package org.partnerdesk.partnerops.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.partnerdesk.api.ApiException;
import org.partnerdesk.identity.ApiTokens;
import org.partnerdesk.partnerops.access.persistence.StoredConfirmations;
import org.partnerdesk.partnerops.access.persistence.StoredConfirmations.Confirmation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * #10 items 1, 2: proof that the owner of an e-mail address wants what a request without a sign-in asked in its name.
 * Single use, expiring; the token is minted as the mail is sent and only its SHA-256 is kept, as for invitations.
 */
@Service
public class Confirmations {

    private final StoredConfirmations stored;
    private final OnboardingSettings settings;
    private final Clock clock;

    Confirmations(StoredConfirmations stored, OnboardingSettings settings, Clock clock) {
        this.stored = stored;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a used token confirmed: the request it belongs to. */
    public record Confirmed(String recordType, long recordId) {
    }

    public Confirmation issue(String recordType, long recordId, String email) {
        Instant now = now();
        return stored.insert(recordType, recordId, email, now.plus(settings.confirmationExpiresAfter()), now);
    }

    /** A fresh token for an unused confirmation, its hash committed before the mail goes; empty once used or expired. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<String> mintToken(long confirmationId) {
        String token = ApiTokens.newToken();
        return stored.setTokenHash(confirmationId, hash(token), now()) ? Optional.of(token) : Optional.empty();
    }

    /** Uses the token once; the same refusal for an unknown token as for a used one, so tokens cannot be probed. */
    @Transactional
    public Confirmed redeem(String token) {
        Instant now = now();
        Confirmation confirmation = stored.findByTokenForUpdate(hash(token.strip())).filter(c -> c.usedAt() == null)
                .orElseThrow(() -> ApiException.invalid("token", "invalid_value",
                        "is not a valid confirmation: it has been used already, or it was never sent. Send the request again."));
        if (!confirmation.expiresAt().isAfter(now)) {
            throw ApiException.invalid("token", "expired", "expired at " + confirmation.expiresAt() + ". Send the request again.");
        }
        stored.markUsed(confirmation.id(), now);
        return new Confirmed(confirmation.recordType(), confirmation.recordId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
