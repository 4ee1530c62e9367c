package org.partnerdesk.ticket;

/**
 * A ticket was changed (fields, status, a comment or note) by {@code changedBy}. Published inside the writing
 * transaction; UI-1 turns it into a live notice so pages open on the ticket learn it is stale.
 */
public record TicketChanged(long ticketId, long changedBy) {
}
