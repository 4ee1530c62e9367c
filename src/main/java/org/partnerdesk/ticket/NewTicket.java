package org.partnerdesk.ticket;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a submitter sends to open a ticket (SPEC 7), already checked for types and lengths. {@code isPublic} false
 * opens it with an internal note (staff only, TKT-1); {@code ccReason} is why a support manager adds CCs (TKT-2).
 * Built by name: {@code NewTicket.opening(subject, body, formId).tagged(tags).withType(TASK)}.
 */
public record NewTicket(String subject, String body, long formId, @Nullable TicketPriority priority, @Nullable TicketType type,
                        Map<Long, Object> customFields, List<String> ccEmails, List<Long> ccUserIds,
                        List<String> tags, @Nullable Long requesterId, List<String> uploads, boolean isPublic,
                        @Nullable String ccReason) {

    public NewTicket {
        customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
        ccEmails = List.copyOf(ccEmails);
        ccUserIds = List.copyOf(ccUserIds);
        tags = List.copyOf(TicketTag.normalized(tags)); // issue #17: kept as Zendesk keeps tags
        uploads = List.copyOf(uploads);
    }

    /** A ticket on this form whose first comment is public, from the submitter as its requester, with nothing else named. */
    public static NewTicket opening(String subject, String body, long formId) {
        return new NewTicket(subject, body, formId, null, null, Map.of(), List.of(), List.of(), List.of(), null, List.of(), true, null);
    }

    /** TKT-1: false opens the ticket with an internal note, for staff only. */
    public NewTicket withPublicComment(boolean isPublic) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    public NewTicket withPriority(@Nullable TicketPriority priority) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    public NewTicket withType(@Nullable TicketType type) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    public NewTicket withFields(Map<Long, Object> customFields) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    /** TKT-2: the people to copy, by e-mail and by user id. */
    public NewTicket copying(List<String> ccEmails, List<Long> ccUserIds) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    public NewTicket tagged(List<String> tags) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    /** An agent opening the ticket for someone else; null: the submitter asks. */
    public NewTicket forRequester(@Nullable Long requesterId) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    /** FILE-1: the upload tokens whose files the first comment attaches. */
    public NewTicket attaching(List<String> uploads) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    /** TKT-2: why a support manager adds the CCs. */
    public NewTicket because(@Nullable String ccReason) {
        return new NewTicket(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads,
                isPublic, ccReason);
    }

    /** Anything the submitter asks to be copied on, by id or e-mail. */
    public boolean namesCcs() {
        return !ccEmails.isEmpty() || !ccUserIds.isEmpty();
    }
}
