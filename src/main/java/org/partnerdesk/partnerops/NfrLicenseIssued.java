package org.partnerdesk.partnerops;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * PO-3, PO-4: an NFR license was issued for a request ({@code how} "request", "exception" or "renewal"); the people
 * in {@code recipientIds} are told by e-mail (through the outbox).
 */
public record NfrLicenseIssued(String how, @Nullable Long requestId, @Nullable Long exceptionId, long licenseId, String partnerName,
                               String plan, int users, LocalDate startsOn, LocalDate endsOn, List<Long> recipientIds) {
    public NfrLicenseIssued {
        recipientIds = List.copyOf(recipientIds);
    }
}
