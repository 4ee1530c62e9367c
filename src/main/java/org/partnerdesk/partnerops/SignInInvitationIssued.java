package org.partnerdesk.partnerops;

import java.time.Instant;

/**
 * PO-1, PO-2: a sign-in invitation is due. It carries no token: the mail listener mints one with
 * {@link PortalAccess#mintInvitationToken} as it sends (each attempt a new one), so the plain token is never at rest,
 * not even in the outbox.
 */
public record SignInInvitationIssued(long invitationId, String email, String name, String organizationName, String occasion,
                                     Instant expiresAt) {
}
