package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A ticket as the incremental export reports it (issue #17): as it is, or deleted (TKT deletion, V95) with its content,
 * or purged: a tombstone with no content left ({@code ticket} null).
 */
public record ExportedTicket(long id, @Nullable TicketContent ticket, boolean isDeleted, Instant createdAt, Instant updatedAt) {

    /** A ticket's content without its entitlement decision, which the export does not write. */
    public record Content(long id, String subject, String description, boolean descriptionIsPublic, TicketStatus status,
                          @Nullable TicketPriority priority, @Nullable TicketType type, long formId, long requesterId, long submitterId,
                          @Nullable Long organizationId, @Nullable Long assigneeId, @Nullable Long groupId,
                          List<String> tags, Map<Long, Object> customFields, List<Long> collaboratorIds,
                          Instant createdAt, Instant updatedAt) implements TicketContent {
    }
}
