package org.partnerdesk.partnerops.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.identity.ApiTokens;
import org.partnerdesk.identity.Passwords;
import org.partnerdesk.partnerops.access.persistence.StoredInvitations;
import org.partnerdesk.partnerops.access.persistence.StoredInvitations.Invitation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PO-1/PO-2 sign-in invitations: single use, expiring after the configured time, the newest one per user the only valid
 * one. The token is minted when the mail is sent and only its SHA-256 is kept (32 random bytes need no slow hash).
 */
@Service
public class Invitations {

    private final StoredInvitations stored;
    private final Passwords passwords;
    private final OnboardingSettings settings;
    private final Clock clock;

    Invitations(StoredInvitations stored, Passwords passwords, OnboardingSettings settings, Clock clock) {
        this.stored = stored;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the invitation lets its holder do once: set the password of this user. */
    public record Accepted(long userId, String recordType, long recordId) {
    }

    public Invitation issue(long userId, String recordType, long recordId) {
        Instant now = now();
        return stored.insert(userId, recordType, recordId, now.plus(settings.invitationExpiresAfter()), now);
    }

    /**
     * A fresh token for a usable invitation, its hash committed before the mail goes (so a quick click finds it); empty when
     * it was used, superseded or has expired. A send that fails leaves the hash of a token nobody got; the retry replaces it.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public Optional<String> mintToken(long invitationId) {
        String token = ApiTokens.newToken();
        return stored.setTokenHash(invitationId, hash(token), now()) ? Optional.of(token) : Optional.empty();
    }

    /** UI-1: empty while the token works, else why not in words for the "Set password" page (as {@link #accept} would say). */
    public Optional<String> whyUnusable(String token) {
        Optional<Invitation> invitation = stored.findByToken(hash(token.strip()))
                .filter(i -> i.usedAt() == null && i.revokedAt() == null);
        if (invitation.isEmpty()) {
            return Optional.of("This invitation has been used or replaced by a newer one. Ask Partner Operations for a new invitation.");
        }
        if (!invitation.get().expiresAt().isAfter(now())) {
            return Optional.of("This invitation expired at " + WholeSeconds.of(invitation.get().expiresAt())
                    + ". Ask Partner Operations for a new invitation.");
        }
        return Optional.empty();
    }

    /** Sets the password once; the same refusal for an unknown token as for a used one, so tokens cannot be probed. */
    @Transactional
    public Accepted accept(String token, String password) {
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            throw ApiException.invalid("password", "invalid_value", problem);
        }
        Instant now = now();
        Invitation invitation = stored.findByTokenForUpdate(hash(token.strip()))
                .filter(i -> i.usedAt() == null && i.revokedAt() == null)
                .orElseThrow(() -> ApiException.invalid("token", "invalid_value",
                        "is not a valid invitation: it has been used or replaced by a newer one. Ask Partner Operations for a new invitation."));
        if (!invitation.expiresAt().isAfter(now)) {
            throw ApiException.invalid("token", "expired", "expired at " + WholeSeconds.of(invitation.expiresAt())
                    + ". Ask Partner Operations for a new invitation.");
        }
        stored.markUsed(invitation.id(), now);
        passwords.set(invitation.userId(), password);
        return new Accepted(invitation.userId(), invitation.recordType(), invitation.recordId());
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
