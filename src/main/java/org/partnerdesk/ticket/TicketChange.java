package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A PUT on a ticket: only what it names changes (null = not named). CCs change by {@code ccChanges} (put or delete
 * one person) or by {@code ccIds} (the whole list, Zendesk's {@code collaborator_ids}); {@code ccReason} is why a
 * support manager adds someone (TKT-2). Built by name, e.g. {@code TicketChange.reply(body).settingStatus(PENDING)};
 * every {@code setting…} method takes null as "leave it as it is", so the API edge can pass what the request named.
 * {@code expectedUpdatedAt}, when given, is the {@code updated_at} the change was made against (Zendesk's
 * {@code safe_update}): a ticket changed since then refuses it with a 409.
 */
public record TicketChange(@Nullable String subject, @Nullable TicketStatus status, @Nullable TicketPriority priority,
                           @Nullable TicketType type, @Nullable Long requesterId, @Nullable Long assigneeId,
                           @Nullable Long groupId, @Nullable List<String> tags, Map<Long, Object> customFields,
                           @Nullable Comment comment, List<CcChange> ccChanges, @Nullable List<Long> ccIds,
                           @Nullable String ccReason, @Nullable Instant expectedUpdatedAt) {

    public TicketChange {
        customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
        tags = tags == null ? null : List.copyOf(TicketTag.normalized(tags)); // issue #17: kept as Zendesk keeps tags
        ccChanges = List.copyOf(ccChanges);
        ccIds = ccIds == null ? null : List.copyOf(ccIds);
    }

    private static final TicketChange NOTHING = new TicketChange(null, null, null, null, null, null, null, null, Map.of(),
            null, List.of(), null, null, null);

    /** A change that names nothing yet. */
    public static TicketChange fields() {
        return NOTHING;
    }

    /** A public comment the requester and the CCs read. */
    public static TicketChange reply(String body) {
        return NOTHING.withComment(Comment.publicReply(body));
    }

    /** A public comment that attaches the files of these upload tokens (FILE-1). */
    public static TicketChange reply(String body, List<String> uploads) {
        return NOTHING.withComment(new Comment(body, true, uploads));
    }

    /** TKT-1: a comment for the agents only. */
    public static TicketChange internalNote(String body) {
        return NOTHING.withComment(Comment.internalNote(body));
    }

    public TicketChange withComment(@Nullable Comment comment) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    public TicketChange settingSubject(@Nullable String subject) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    public TicketChange settingStatus(@Nullable TicketStatus status) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    public TicketChange settingPriority(@Nullable TicketPriority priority) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    public TicketChange settingType(@Nullable TicketType type) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    /** ENT-8: correcting who asked; the entitlement decision runs again. */
    public TicketChange settingRequester(@Nullable Long requesterId) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    public TicketChange assigningTo(@Nullable Long assigneeId) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    public TicketChange settingGroup(@Nullable Long groupId) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    /** The whole list of tags, as Zendesk's PUT replaces it. */
    public TicketChange settingTags(@Nullable List<String> tags) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    /** The custom fields it names; an empty value clears the field. */
    public TicketChange settingFields(Map<Long, Object> customFields) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    /** TKT-2: people put on or taken off the CCs, one at a time. */
    public TicketChange changingCcs(List<CcChange> ccChanges) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    /** TKT-2: the whole list of CCs (Zendesk's {@code collaborator_ids}). */
    public TicketChange replacingCcs(@Nullable List<Long> ccIds) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    /** TKT-2: why a support manager adds someone. */
    public TicketChange because(@Nullable String ccReason) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, expectedUpdatedAt);
    }

    /** UI-1 collision, Zendesk's {@code safe_update}: applies only if the ticket was not changed after {@code updatedAt}. */
    public TicketChange expecting(@Nullable Instant updatedAt) {
        return new TicketChange(subject, status, priority, type, requesterId, assigneeId, groupId, tags, customFields, comment,
                ccChanges, ccIds, ccReason, updatedAt);
    }

    /** {@code uploads}: the upload tokens whose files this comment attaches (FILE-1). */
    public record Comment(String body, boolean isPublic, List<String> uploads) {

        public Comment {
            uploads = List.copyOf(uploads);
        }

        public Comment(String body, boolean isPublic) {
            this(body, isPublic, List.of());
        }

        public static Comment publicReply(String body) {
            return new Comment(body, true);
        }

        /** TKT-1: for the agents only. */
        public static Comment internalNote(String body) {
            return new Comment(body, false);
        }
    }

    /** Zendesk's {@code email_ccs} item: one person, by id or e-mail, put on the CCs or taken off. */
    public record CcChange(@Nullable Long userId, @Nullable String email, boolean isRemoval) {

        public static CcChange adding(long userId) {
            return new CcChange(userId, null, false);
        }
    }

    /** The ticket's own fields; comments and CCs are the conversation, which requesters and partners take part in. */
    public boolean changesOnlyTheConversation() {
        return subject == null && status == null && priority == null && type == null && requesterId == null
                && assigneeId == null && groupId == null && tags == null && customFields.isEmpty();
    }

    /** TKT-1: a status of solved and nothing but the conversation besides, what a requester may send (issue #15). */
    public boolean onlyMarksSolved() {
        return status == TicketStatus.SOLVED && settingStatus(null).changesOnlyTheConversation();
    }

    public boolean changesTheCcs() {
        return !ccChanges.isEmpty() || ccIds != null;
    }
}
