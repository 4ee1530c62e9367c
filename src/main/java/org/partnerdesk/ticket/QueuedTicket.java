package org.partnerdesk.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A ticket as a queue lists it (TKT-5): with when its active reply clock breaches, if one runs. */
public record QueuedTicket(Ticket ticket, @Nullable Instant slaDueAt) {
}
