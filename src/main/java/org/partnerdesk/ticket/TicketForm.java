package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;

/** A ticket form: its name tells the entitlement decision which scenario the submitter claims. */
public record TicketForm(long id, String name, String displayName, int position, boolean active, boolean endUserVisible,
                         List<Long> ticketFieldIds, Instant createdAt, Instant updatedAt) {

    public TicketForm {
        ticketFieldIds = List.copyOf(ticketFieldIds);
    }
}
