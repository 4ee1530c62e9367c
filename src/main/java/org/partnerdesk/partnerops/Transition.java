package org.partnerdesk.partnerops;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step of a PO-1, PO-2 or PO-5 workflow: who (null: the applicant, not signed in, or a job), when, from, to, why. */
public record Transition(long id, String recordType, long recordId, @Nullable Long actorId, @Nullable String fromStatus,
                         String toStatus, @Nullable String reason, Instant createdAt) {

    public static final String PARTNER_APPLICATION = "partner_application";
    public static final String PORTAL_ACCESS_REQUEST = "portal_access_request";
    public static final String BILLING_ACCOUNT = "billing_account";
}
