package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** TKT-1 one change to a ticket: who, when, and each field's value before and after. */
public record Audit(long id, long ticketId, long authorId, List<Event> events, Instant createdAt) {

    public Audit {
        events = List.copyOf(events);
    }

    /** {@code type} is Zendesk's: Create, Change, Comment; {@code reason} says why, where a rule decided. */
    public record Event(String type, String fieldName, @Nullable Object value, @Nullable Object previousValue,
                        @Nullable String reason) {
    }
}
