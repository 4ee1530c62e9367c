package org.partnerdesk.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A ticket as a queue lists it (TKT-5): with when its running reply clock is (or was) due, if one runs, and whether an
 * open STAR request stands on it (TKT-7).
 */
public record QueuedTicket(Ticket ticket, @Nullable Instant slaDueAt, boolean isStarred) {
}
