package org.partnerdesk.partnerops;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** PO-2 a new person at an existing partner asking for a portal sign-in; {@code requestedBy} is null when not signed in. */
public record PortalAccessRequest(long id, long organizationId, String name, String email, @Nullable Long requestedBy,
                                  String status, @Nullable Long userId, @Nullable Long decidedBy,
                                  @Nullable String decisionReason, Instant createdAt, Instant updatedAt) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";

    public boolean isPending() {
        return PENDING.equals(status);
    }
}
