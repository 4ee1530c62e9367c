package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Flag;

/**
 * TKT-5: an agent queue, the tickets that match every filter given (none given: all tickets), in the chosen order.
 * {@code unassigned} asks for tickets nobody holds; {@code partnerId} is the submitter's partner organization;
 * {@code groupsOfMemberId} asks for the tickets of every group that user belongs to; {@code starred} for tickets with an
 * open STAR request (TKT-7); {@code dueBefore} for tickets whose running reply clock was due before that time (breached).
 */
public record TicketQueue(Set<TicketStatus> statuses, @Nullable Long groupId, @Nullable Long assigneeId, boolean unassigned,
                          @Nullable Long organizationId, @Nullable Long partnerId, @Nullable Flag flag, Order order,
                          @Nullable Long groupsOfMemberId, boolean starred, @Nullable Instant dueBefore) {

    public TicketQueue {
        statuses = Set.copyOf(statuses);
        if (unassigned && assigneeId != null) {
            throw new IllegalArgumentException("a queue is either unassigned or one assignee's");
        }
    }

    /** The filters the API's view takes ({@code GET /api/v2/views/tickets}). */
    public TicketQueue(Set<TicketStatus> statuses, @Nullable Long groupId, @Nullable Long assigneeId, boolean unassigned,
                       @Nullable Long organizationId, @Nullable Long partnerId, @Nullable Flag flag, Order order) {
        this(statuses, groupId, assigneeId, unassigned, organizationId, partnerId, flag, order, null, false, null);
    }

    public enum Order {
        /** The earliest running reply clock first (breached ones included); tickets without one last; the id breaks ties. */
        SLA_DUE,
        ID
    }
}
