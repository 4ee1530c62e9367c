package org.partnerdesk.partnerops;

import java.time.Instant;

/**
 * #10 items 1, 2: a request made without a sign-in waits for the owner of its e-mail address. It carries no token: the
 * mail listener mints one with {@link AddressConfirmations#mintToken} as it sends, so the plain token is never at rest.
 * {@code request} says in one sentence what was asked in the owner's name.
 */
public record EmailConfirmationRequested(long confirmationId, String email, String name, String request, Instant expiresAt) {
}
