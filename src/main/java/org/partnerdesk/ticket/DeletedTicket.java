package org.partnerdesk.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Issue #17 item 5: a ticket in the bin (soft-deleted, not yet purged), as Zendesk's deleted_tickets list shows it. */
public record DeletedTicket(long id, String subject, String description, long deletedById, @Nullable String deletedByName,
                            Instant deletedAt, TicketStatus previousState) {
}
