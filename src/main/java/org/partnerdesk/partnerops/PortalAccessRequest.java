package org.partnerdesk.partnerops;

import java.time.Instant;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;

/** PO-2 a new person at an existing partner asking for a portal sign-in; {@code requestedBy} is null when not signed in. */
public record PortalAccessRequest(long id, long organizationId, String name, String email, @Nullable Long requestedBy,
                                  String status, @Nullable Long userId, @Nullable Long decidedBy,
                                  @Nullable String decisionReason, Instant createdAt, Instant updatedAt) {

    /** #10 items 1, 2: asked without a sign-in; waits for the owner of the e-mail address to confirm it. */
    public static final String UNCONFIRMED = "unconfirmed";
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";

    /** PO-2: only a pending request is approved or declined; a second decision is refused, naming the first. */
    public PortalAccessRequest requirePending() {
        if (!PENDING.equals(status)) {
            String why = "portal access request " + id + " is already " + status + "; only a pending request is decided (PO-2).";
            throw new ApiException(422, "RecordInvalid", why, Map.of("status", List.of(new ApiException.FieldError(why, "PO-2"))));
        }
        return this;
    }
}
