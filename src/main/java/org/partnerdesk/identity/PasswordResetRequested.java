package org.partnerdesk.identity;

import java.time.Instant;

/**
 * UI-1 "Forgot password?": a user who has a password asked for a link to set a new one. It carries no token: the mail
 * listener mints one with {@link PasswordResets#mintToken} as it sends, so the plain token is never at rest, not even in
 * the outbox (as {@code SignInInvitationIssued} does for PO-2).
 */
public record PasswordResetRequested(long resetId, String email, String name, Instant expiresAt) {
}
