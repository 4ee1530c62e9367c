package org.partnerdesk.ticket;

import org.jspecify.annotations.Nullable;

/**
 * Issue #17: a ticket in the bin was scrubbed for good, by {@code purgedBy}, or by the daily purge when null. Published inside
 * the purging transaction, so listeners (webhooks' ticket.permanently_deleted) store what they send with it.
 */
public record TicketPurged(long ticketId, @Nullable Long purgedBy) {
}
