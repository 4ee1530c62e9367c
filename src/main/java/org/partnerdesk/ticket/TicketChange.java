package org.partnerdesk.ticket;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A PUT on a ticket: only what it names changes (null = not named). */
public record TicketChange(@Nullable String subject, @Nullable String status, @Nullable String priority,
                           @Nullable String type, @Nullable Long requesterId, @Nullable Long assigneeId,
                           @Nullable Long groupId, @Nullable List<String> tags, Map<Long, Object> customFields,
                           @Nullable Comment comment) {

    public TicketChange {
        customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
        tags = tags == null ? null : List.copyOf(tags);
    }

    public record Comment(String body, boolean isPublic) {
    }

    public boolean changesOnlyTheConversation() {
        return subject == null && status == null && priority == null && type == null && requesterId == null
                && assigneeId == null && groupId == null && tags == null && customFields.isEmpty();
    }
}
