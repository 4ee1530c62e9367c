package org.partnerdesk.partnerops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * PO-4: a director decided on an NFR exception; {@code status} is where it stands now. The requesting channel manager
 * hears of every decision, Partner Operations of an approval (both directors agreed), through the outbox.
 */
public record NfrExceptionDecided(long exceptionId, String partnerName, long requestedBy, long decidedBy,
                                  NfrException.Capacity capacity, NfrException.Verdict verdict, @Nullable String comment,
                                  NfrException.Status status, List<Long> fulfillerIds) {
    public NfrExceptionDecided {
        fulfillerIds = List.copyOf(fulfillerIds);
    }
}
