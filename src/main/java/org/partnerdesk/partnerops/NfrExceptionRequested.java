package org.partnerdesk.partnerops;

import java.util.List;

/** PO-4: a channel manager asked for an NFR exception; the directors who must decide are told (through the outbox). */
public record NfrExceptionRequested(long exceptionId, long nfrRequestId, String partnerName, long requestedBy, int users,
                                    String businessJustification, List<Long> deciderIds) {
    public NfrExceptionRequested {
        deciderIds = List.copyOf(deciderIds);
    }
}
