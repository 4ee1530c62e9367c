package org.partnerdesk.ticket;

import org.jspecify.annotations.Nullable;

/** A ticket was opened; other modules react (TKT-9 special-process notes) without intake waiting for them. */
public record TicketCreated(long ticketId, long submitterId, long requesterId, @Nullable Long organizationId, long formId) {
}
