package org.partnerdesk.ticket;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Flag;

/**
 * TKT-5: an agent queue, the tickets that match every filter given (none given: all tickets), in the chosen order.
 * {@code unassigned} asks for tickets nobody holds; {@code partnerId} is the submitter's partner organization.
 */
public record TicketQueue(Set<TicketStatus> statuses, @Nullable Long groupId, @Nullable Long assigneeId, boolean unassigned,
                          @Nullable Long organizationId, @Nullable Long partnerId, @Nullable Flag flag, Order order) {

    public TicketQueue {
        statuses = Set.copyOf(statuses);
        if (unassigned && assigneeId != null) {
            throw new IllegalArgumentException("a queue is either unassigned or one assignee's");
        }
    }

    public enum Order {
        /** The earliest active reply clock first; tickets without one last; the id breaks ties. */
        SLA_DUE,
        ID
    }
}
