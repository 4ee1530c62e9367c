package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.entitlement.Flag;
import org.partnerdesk.ticket.Ticket.StoredDecision;

/**
 * One change to a ticket under way: each transition checks its rule (TKT-1 status, TKT-2 CCs, TKT-3 priority, ENT-8
 * decision, PO-6 routing) and remembers why, so that {@link #after()} is the changed ticket and {@link #events()} its
 * audit. Built and read within one update; {@link Tickets} loads, asks the directory, stores and publishes.
 */
final class TicketRevision {

    static final int PRIORITY_REASON_LENGTH = 200;

    private final Ticket before;
    private final Instant at;
    private final Map<String, String> reasons = new HashMap<>();
    private String subject;
    private TicketStatus status;
    private @Nullable TicketPriority priority;
    private @Nullable TicketType type;
    private @Nullable Long assigneeId;
    private @Nullable Long groupId;
    private List<String> tags;
    private final Map<Long, Object> fields;
    private List<Long> ccIds;
    private StoredDecision decision;
    private boolean redecided;

    private TicketRevision(Ticket before, Instant at) {
        this.before = before;
        this.at = at;
        this.subject = before.subject();
        this.status = before.status();
        this.priority = before.priority();
        this.type = before.type();
        this.assigneeId = before.assigneeId();
        this.groupId = before.groupId();
        this.tags = before.tags();
        this.fields = new LinkedHashMap<>(before.customFields());
        this.ccIds = before.collaboratorIds();
        this.decision = before.decision();
    }

    static TicketRevision of(Ticket before, Instant at) {
        return new TicketRevision(before, at);
    }

    /**
     * TKT-1: the status asked for, if the move is allowed; else an agent's first public reply opens a new ticket and a
     * requester's reply brings a pending or solved ticket back to the agents.
     */
    TicketRevision movingStatus(@Nullable TicketStatus asked, boolean byStaff, TicketChange.@Nullable Comment comment) {
        status = status.afterChange(asked, byStaff, comment);
        return this;
    }

    /**
     * TKT-3 [004]: customers are not told of a priority reset, so an agent's new priority needs a public comment in the
     * same update that explains it; the audit keeps that explanation as the reason.
     */
    TicketRevision reprioritizing(@Nullable TicketPriority wanted, TicketChange.@Nullable Comment comment) {
        if (wanted == null || wanted == before.priority()) {
            return this;
        }
        if (comment == null || !comment.isPublic() || comment.body().isBlank()) {
            throw TicketRuleViolation.invalid(TicketRule.TKT_3, "priority", "changing the priority from " + before.priorityCode()
                    + " to " + wanted.code() + " needs a public comment in the same update that explains it to the customer,"
                    + " who is not notified otherwise");
        }
        String body = comment.body().strip();
        priority = wanted;
        reasons.put("priority", TicketRule.TKT_3.id() + ": " + (body.length() > PRIORITY_REASON_LENGTH ? body.substring(0, PRIORITY_REASON_LENGTH) : body));
        return this;
    }

    /** What an agent names outright: subject, type and tags; null leaves each as it is. */
    TicketRevision setting(@Nullable String subject, @Nullable TicketType type, @Nullable List<String> tags) {
        this.subject = subject != null ? subject : this.subject;
        this.type = type != null ? type : this.type;
        this.tags = tags != null ? tags : this.tags;
        return this;
    }

    /** The agent or admin who works the ticket (checked to be staff by the caller, who asks the directory). */
    TicketRevision assigning(long assigneeId) {
        this.assigneeId = assigneeId;
        return this;
    }

    /** The custom fields a change names; an empty value clears the field. */
    TicketRevision settingFields(Map<Long, Object> changes) {
        changes.forEach((fieldId, value) -> {
            if (value == null || "".equals(value)) {
                fields.remove(fieldId);
            } else {
                fields.put(fieldId, value);
            }
        });
        return this;
    }

    /** TKT-2: the CCs as the rule decided them ({@link TicketCcs}), with its reason; null reason when no CC was named. */
    TicketRevision copying(List<Long> ids, @Nullable String reason) {
        ccIds = ids;
        if (reason != null) {
            reasons.put("collaborator_ids", reason);
        }
        return this;
    }

    /** ENT-8: the decision run again; requester, organization and subject follow it, the CCs keep its own. */
    TicketRevision decided(StoredDecision decision) {
        this.decision = decision;
        this.subject = decision.entitlement().subject();
        this.redecided = true;
        return this;
    }

    /** An agent names the owning group. */
    TicketRevision assigningGroup(long groupId) {
        this.groupId = groupId;
        return this;
    }

    /** PO-6: a change of the routing fields moves the ticket to its new owner; the audit says which fact chose it. */
    TicketRevision rerouted(IntakeRouting.Route route) {
        this.groupId = route.groupId();
        reasons.put("group_id", route.reason());
        return this;
    }

    Ticket before() {
        return before;
    }

    Map<Long, Object> fields() {
        return fields;
    }

    boolean isRedecided() {
        return redecided;
    }

    /** The ticket after every transition so far. */
    Ticket after() {
        Entitlement e = decision.entitlement();
        return new Ticket(before.id(), subject, before.description(), before.descriptionIsPublic(), status, priority, type,
                before.formId(), e.requesterId(), before.submitterId(), e.organizationId(), assigneeId, groupId, tags, fields,
                collaborators(ccIds, e), decision, before.createdAt(), at);
    }

    /** TKT-1: each field's value before and after, with the rule that changed it where one did. */
    List<Audit.Event> events() {
        Ticket after = after();
        List<Audit.Event> events = new ArrayList<>();
        String rule = after.entitlement().rule().id();
        change(events, "subject", before.subject(), after.subject(), null);
        change(events, "status", before.status().code(), after.status().code(), null);
        change(events, "priority", before.priorityCode(), after.priorityCode(), reasons.get("priority"));
        change(events, "type", before.typeCode(), after.typeCode(), null);
        change(events, "requester_id", before.requesterId(), after.requesterId(), rule);
        change(events, "organization_id", before.organizationId(), after.organizationId(), rule);
        change(events, "assignee_id", before.assigneeId(), after.assigneeId(), null);
        change(events, "group_id", before.groupId(), after.groupId(), reasons.get("group_id"));
        change(events, "tags", before.tags(), after.tags(), null);
        change(events, "collaborator_ids", before.collaboratorIds(), after.collaboratorIds(), reasons.getOrDefault("collaborator_ids", rule));
        Set<Long> fieldIds = new LinkedHashSet<>(before.customFields().keySet());
        fieldIds.addAll(after.customFields().keySet());
        for (long fieldId : fieldIds) {
            change(events, Long.toString(fieldId), before.customFields().get(fieldId), after.customFields().get(fieldId), null);
        }
        change(events, "entitlement", summary(before.entitlement()), summary(after.entitlement()), rule);
        return events;
    }

    /** TKT-2: the CCs asked for and the decision's own, never the requester. */
    static List<Long> collaborators(List<Long> given, Entitlement e) {
        Set<Long> all = new LinkedHashSet<>(given);
        all.addAll(e.ccUserIds());
        all.remove(e.requesterId());
        return List.copyOf(all);
    }

    /** One line an agent reads in the audit log: rule, what it is served under, level, flags. */
    static String summary(Entitlement e) {
        String plan = e.servedUnder().plan() == null ? "" : " " + e.servedUnder().plan().code();
        String flags = e.flags().isEmpty() ? "" : " [" + String.join(", ", e.flags().stream().map(Flag::code).toList()) + "]";
        return e.rule().id() + " " + e.scenario().code() + ": " + e.servedUnder().kind().code() + plan + ", "
                + e.supportLevel().code() + " support, tier " + e.supportTier().code() + flags;
    }

    private static void change(List<Audit.Event> events, String field, @Nullable Object before, @Nullable Object after,
                               @Nullable String reason) {
        if (!Objects.equals(before, after)) {
            events.add(new Audit.Event("Change", field, after, before, reason));
        }
    }
}
