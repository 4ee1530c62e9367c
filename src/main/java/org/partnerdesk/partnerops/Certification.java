package org.partnerdesk.partnerops;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** PO-3: one person of a partner organization holds one certification, passed on a day, perhaps until a day. */
public record Certification(long id, long organizationId, long userId, CertificationKind kind, LocalDate passedOn,
                            @Nullable LocalDate expiresOn, @Nullable Long recordedBy, Instant createdAt) {

    public boolean isValidOn(LocalDate day) {
        return !passedOn.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day));
    }
}
