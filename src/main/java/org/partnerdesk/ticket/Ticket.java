package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Entitlement;

/**
 * TKT-1 a ticket as stored, with the entitlement decision it is served under. The description is the first comment,
 * public unless an agent opened the ticket with an internal note.
 */
public record Ticket(long id, String subject, String description, boolean descriptionIsPublic, TicketStatus status,
                     @Nullable TicketPriority priority, @Nullable TicketType type, long formId, long requesterId, long submitterId,
                     @Nullable Long organizationId, @Nullable Long assigneeId, @Nullable Long groupId,
                     List<String> tags, Map<Long, Object> customFields, List<Long> collaboratorIds,
                     StoredDecision decision, Instant createdAt, Instant updatedAt) {

    public Ticket {
        tags = List.copyOf(tags);
        customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
        collaboratorIds = List.copyOf(collaboratorIds);
    }

    /** The decision as kept with the ticket, and whose account it was decided for. */
    public record StoredDecision(Entitlement entitlement, long decidedForId) {
    }

    public Entitlement entitlement() {
        return decision.entitlement();
    }

    public @Nullable String text(long fieldId) {
        Object value = customFields.get(fieldId);
        return value == null ? null : value.toString();
    }

    /** This ticket as stored under its new id. */
    public Ticket stored(long newId, Instant at) {
        return new Ticket(newId, subject, description, descriptionIsPublic, status, priority, type, formId, requesterId, submitterId, organizationId,
                assigneeId, groupId, tags, customFields, collaboratorIds, decision, at, at);
    }

    /** What a reader sees as the description: an internal first comment is for staff only (TKT-1). */
    public String descriptionFor(boolean staff) {
        return staff || descriptionIsPublic ? description : "";
    }

    /** The priority's code, as the audit, the API and the SLA targets name it; none when the ticket has no priority. */
    public @Nullable String priorityCode() {
        return priority == null ? null : priority.code();
    }

    public @Nullable String typeCode() {
        return type == null ? null : type.code();
    }

    public boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }
}
