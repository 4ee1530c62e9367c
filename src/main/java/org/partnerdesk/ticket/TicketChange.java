package org.partnerdesk.ticket;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A PUT on a ticket: only what it names changes (null = not named). CCs change by {@code ccChanges} (put or delete
 * one person) or by {@code ccIds} (the whole list, Zendesk's {@code collaborator_ids}); {@code ccReason} is why a
 * support manager adds someone (TKT-2).
 */
public record TicketChange(@Nullable String subject, @Nullable TicketStatus status, @Nullable TicketPriority priority,
                           @Nullable TicketType type, @Nullable Long requesterId, @Nullable Long assigneeId,
                           @Nullable Long groupId, @Nullable List<String> tags, Map<Long, Object> customFields,
                           @Nullable Comment comment, List<CcChange> ccChanges, @Nullable List<Long> ccIds,
                           @Nullable String ccReason) {

    public TicketChange {
        customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
        tags = tags == null ? null : List.copyOf(tags);
        ccChanges = List.copyOf(ccChanges);
        ccIds = ccIds == null ? null : List.copyOf(ccIds);
    }

    /** A change that leaves the CCs alone. */
    public TicketChange(@Nullable String subject, @Nullable TicketStatus status, @Nullable TicketPriority priority,
                        @Nullable TicketType type, @Nullable Long requesterId, @Nullable Long assigneeId,
                        @Nullable Long groupId, @Nullable List<String> tags, Map<Long, Object> customFields,
                        @Nullable Comment comment) {
        this(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment, List.of(), null, null);
    }

    /** {@code uploads}: the upload tokens whose files this comment attaches (FILE-1). */
    public record Comment(String body, boolean isPublic, List<String> uploads) {

        public Comment {
            uploads = List.copyOf(uploads);
        }

        public Comment(String body, boolean isPublic) {
            this(body, isPublic, List.of());
        }
    }

    /** Zendesk's {@code email_ccs} item: one person, by id or e-mail, put on the CCs or taken off. */
    public record CcChange(@Nullable Long userId, @Nullable String email, boolean isRemoval) {
    }

    /** The ticket's own fields; comments and CCs are the conversation, which requesters and partners take part in. */
    public boolean changesOnlyTheConversation() {
        return subject == null && status == null && priority == null && type == null && requesterId == null
                && assigneeId == null && groupId == null && tags == null && customFields.isEmpty();
    }

    public boolean changesTheCcs() {
        return !ccChanges.isEmpty() || ccIds != null;
    }
}
