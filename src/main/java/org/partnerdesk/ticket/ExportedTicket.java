package org.partnerdesk.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A ticket as the incremental export reports it (issue #17): as it is, or deleted (TKT deletion, V95) with its content,
 * or purged: a tombstone with no content left ({@code ticket} null).
 */
public record ExportedTicket(long id, @Nullable Ticket ticket, boolean isDeleted, Instant createdAt, Instant updatedAt) {
}
