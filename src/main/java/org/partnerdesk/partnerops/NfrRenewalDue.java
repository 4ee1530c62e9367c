package org.partnerdesk.partnerops;

import java.time.LocalDate;
import java.util.List;

/** PO-3: a partner whose NFR license does not renew by itself (Open) is reminded, once, to ask again before it ends. */
public record NfrRenewalDue(long licenseId, String partnerName, int users, LocalDate endsOn, List<Long> recipientIds) {
    public NfrRenewalDue {
        recipientIds = List.copyOf(recipientIds);
    }
}
