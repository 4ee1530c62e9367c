package org.partnerdesk.partnerops;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** PO-5: one transition of a billing account; {@code authorId} null is the activation job. */
public record BillingAccountAudit(long id, long billingAccountId, @Nullable Long authorId, String status,
                                  @Nullable String previousStatus, @Nullable String note, Instant createdAt) {
}
