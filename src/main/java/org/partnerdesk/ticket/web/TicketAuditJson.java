package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.Audit;
import org.partnerdesk.ticket.TicketField;
import org.partnerdesk.ticket.TicketForms;

/** Zendesk's ticket audit shape: who changed the ticket when, one event per field. */
record TicketAuditJson(long id, long ticketId, long authorId, Instant createdAt, List<AuditEvent> events) {

    /** A Create event has no previous value to show; a Change or Comment event shows it, null included. */
    @Schema(oneOf = {CreateEvent.class, ChangeEvent.class})
    sealed interface AuditEvent permits CreateEvent, ChangeEvent {
    }

    record CreateEvent(long id, String type, String fieldName, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String fieldTitle,
                       @Nullable Object value, @Nullable String reason) implements AuditEvent {
    }

    record ChangeEvent(long id, String type, String fieldName, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String fieldTitle,
                       @Nullable Object value, @Nullable Object previousValue, @Nullable String reason) implements AuditEvent {
    }

    static TicketAuditJson of(Audit a, TicketForms forms) {
        List<AuditEvent> events = new ArrayList<>(a.events().size());
        long eventId = a.id() * 100;
        for (Audit.Event e : a.events()) {
            // a custom field's event is named by the field's id, as in Zendesk; its title says which field that is
            String title = customFieldTitle(e.fieldName(), forms).orElse(null);
            events.add("Create".equals(e.type())
                    ? new CreateEvent(++eventId, e.type(), e.fieldName(), title, e.value(), e.reason())
                    : new ChangeEvent(++eventId, e.type(), e.fieldName(), title, e.value(), e.previousValue(), e.reason()));
        }
        return new TicketAuditJson(a.id(), a.ticketId(), a.authorId(), a.createdAt(), events);
    }

    private static Optional<String> customFieldTitle(String fieldName, TicketForms forms) {
        if (fieldName.isEmpty() || !fieldName.chars().allMatch(Character::isDigit) || fieldName.length() > 18) {
            return Optional.empty();
        }
        return forms.field(Long.parseLong(fieldName)).map(TicketField::title);
    }
}
