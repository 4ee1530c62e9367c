package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.ticket.TicketContent;
import org.partnerdesk.ticket.TicketForms;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Zendesk's ticket shape (SPEC 7), its properties in Zendesk's order. */
record TicketJson(long id, String url, @Nullable String externalId, String subject, String rawSubject, String description,
                  String status, @Nullable String priority, @Nullable String type, long requesterId, long submitterId,
                  @Nullable Long organizationId, @Nullable Long assigneeId, @Nullable Long groupId, List<Long> collaboratorIds,
                  List<Long> emailCcIds, List<Long> followerIds, List<String> tags, List<CustomFieldValue> customFields,
                  List<CustomFieldValue> fields, long ticketFormId, Via via, boolean isPublic, boolean hasIncidents,
                  Instant createdAt, Instant updatedAt) {

    /** One custom field's value: text, an option's value, true or false, or null when unset. */
    record CustomFieldValue(long id, @Nullable Object value) {
    }

    /** How the ticket came in: always the API here. */
    record Via(String channel) {
        static final Via API = new Via("api");
    }

    /** Issue #17: a deleted ticket as the incremental export reports it, its content kept and its status {@code deleted}. */
    TicketJson deleted() {
        return new TicketJson(id, url, externalId, subject, rawSubject, description, "deleted", priority, type, requesterId,
                submitterId, organizationId, assigneeId, groupId, collaboratorIds, emailCcIds, followerIds, tags, customFields, fields,
                ticketFormId, via, isPublic, hasIncidents, createdAt, updatedAt);
    }

    /** Writes tickets with every custom field of their form, as Zendesk lists them (null when empty). */
    static final class Shape {
        private final TicketForms forms;

        Shape(TicketForms forms) {
            this.forms = forms;
        }

        /** As {@code reader} may see it: an internal description is for staff (TKT-1). */
        TicketJson of(TicketContent t, Actor reader) {
            return of(t, reader, ticketsUrl());
        }

        /** The address tickets live under ({@code …/api/v2/tickets/}), worked out once for a page of many. */
        static String ticketsUrl() {
            return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/tickets/").toUriString();
        }

        // a page of 1,000 (issue #17's exports) builds the request's address once, not per ticket
        TicketJson of(TicketContent t, Actor reader, String ticketsUrl) {
            Set<Long> fieldIds = new LinkedHashSet<>();
            forms.form(t.formId()).ifPresent(form -> form.ticketFieldIds().stream()
                    .filter(id -> forms.field(id).map(f -> !f.system()).orElse(false))
                    .forEach(fieldIds::add));
            fieldIds.addAll(t.customFields().keySet());
            List<CustomFieldValue> customFields = new ArrayList<>(fieldIds.size());
            for (long id : fieldIds) {
                customFields.add(new CustomFieldValue(id, t.customFields().get(id)));
            }
            return new TicketJson(t.id(), ticketsUrl + t.id() + ".json", null, t.subject(), t.subject(), t.descriptionFor(reader.isStaff()), t.status().code(),
                    t.priorityCode(), t.typeCode(), t.requesterId(), t.submitterId(), t.organizationId(), t.assigneeId(), t.groupId(),
                    t.collaboratorIds(), t.collaboratorIds(), List.of(), t.tags(), customFields, customFields, t.formId(),
                    Via.API, true, false, t.createdAt(), t.updatedAt());
        }
    }
}
