package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Entitlement;

/**
 * TKT-1 a ticket as stored, with the entitlement decision it is served under. The description is the first comment,
 * public unless an agent opened the ticket with an internal note. Its changes go through {@link #revise}, whose
 * transitions check their rule and keep the audit events ({@link TicketRevision}).
 */
public record Ticket(long id, String subject, String description, boolean descriptionIsPublic, TicketStatus status,
                     @Nullable TicketPriority priority, @Nullable TicketType type, long formId, long requesterId, long submitterId,
                     @Nullable Long organizationId, @Nullable Long assigneeId, @Nullable Long groupId,
                     List<String> tags, Map<Long, Object> customFields, List<Long> collaboratorIds,
                     StoredDecision decision, Instant createdAt, Instant updatedAt) implements TicketContent {

    public Ticket {
        tags = List.copyOf(tags);
        customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
        collaboratorIds = List.copyOf(collaboratorIds);
    }

    /** The decision as kept with the ticket, and whose account it was decided for. */
    public record StoredDecision(Entitlement entitlement, long decidedForId) {
    }

    /**
     * TKT-1 a new ticket as its submitter opens it, served under the decision: requester, organization and subject are
     * the decision's; the CCs are those asked for and the decision's, never the requester.
     */
    static Ticket opened(NewTicket request, long submitterId, Map<Long, Object> fields, List<Long> ccIds, @Nullable Long groupId,
                         StoredDecision decision, Instant at) {
        Entitlement e = decision.entitlement();
        return new Ticket(0, e.subject(), request.body(), request.isPublic(), TicketStatus.NEW, request.priority(), request.type(),
                request.formId(), e.requesterId(), submitterId, e.organizationId(), null, groupId, request.tags(), fields,
                TicketRevision.collaborators(ccIds, e), decision, at, at);
    }

    /** TKT-1 the audit of an opening: what the ticket starts with and the rule (ENT-*, TKT-2, PO-6) that chose each. */
    List<Audit.Event> openingEvents(IntakeRouting.@Nullable Route route, @Nullable String ccReason) {
        Entitlement e = entitlement();
        List<Audit.Event> events = new java.util.ArrayList<>();
        events.add(new Audit.Event("Create", "subject", subject, null, null));
        events.add(new Audit.Event("Create", "status", status.code(), null, null));
        events.add(new Audit.Event("Create", "priority", priorityCode(), null, null));
        events.add(new Audit.Event("Create", "requester_id", requesterId, null, e.rule().id()));
        events.add(new Audit.Event("Create", "organization_id", organizationId, null, e.rule().id()));
        events.add(new Audit.Event("Create", "entitlement", TicketRevision.summary(e), null, e.rule().id()));
        if (route != null) {
            events.add(new Audit.Event("Create", "group_id", route.groupId(), null, route.reason()));
        }
        if (!collaboratorIds.isEmpty()) {
            events.add(new Audit.Event("Create", "collaborator_ids", collaboratorIds, null, ccReason != null ? ccReason : e.rule().id()));
        }
        events.add(new Audit.Event("Comment", "comment", description, null, descriptionIsPublic ? null : "internal"));
        return events;
    }

    /** TKT-1: a closed ticket is final; any other starts a revision at {@code at}, which its transitions build on. */
    TicketRevision revise(Instant at) {
        if (isClosed()) {
            throw TicketRuleViolation.invalid(TicketRule.TKT_1, "status", "ticket " + id + " is closed and cannot be changed; open a follow-up");
        }
        return TicketRevision.of(this, at);
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

    /**
     * UI-1 collision: whether the ticket changed after {@code stamp}. A stamp to the second (as the API shows times) is
     * compared to the second, so a client that echoes {@code updated_at} is never refused for the microseconds it was not shown.
     */
    public boolean changedSince(Instant stamp) {
        Instant compared = stamp.getNano() == 0 ? updatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : updatedAt;
        return compared.isAfter(stamp);
    }

    public boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }
}
