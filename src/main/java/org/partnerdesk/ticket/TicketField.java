package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;

/** A ticket field: a system one (subject, priority) or a custom one (the partner fields of SPEC 2). */
public record TicketField(long id, String type, String title, String description, boolean required, int position,
                          boolean active, boolean system, List<Option> options, Instant createdAt, Instant updatedAt) {

    public TicketField {
        options = List.copyOf(options);
    }

    /** One value of a drop-down ({@code tagger}) field. */
    public record Option(String name, String value) {
    }

    public boolean allows(String value) {
        return options.stream().anyMatch(option -> option.value().equals(value));
    }
}
