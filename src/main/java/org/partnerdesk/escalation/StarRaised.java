package org.partnerdesk.escalation;

import java.time.Instant;

/** TKT-7: a STAR was raised; the on-call support manager it is assigned to must hear of it (through the outbox). */
public record StarRaised(long starId, long ticketId, long assigneeId, String urgency, Instant respondBy, String reason,
                         String desiredResult) {
}
