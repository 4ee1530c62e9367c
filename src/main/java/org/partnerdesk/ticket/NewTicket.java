package org.partnerdesk.ticket;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a submitter sends to open a ticket (SPEC 7), already checked for types and lengths. {@code isPublic} false
 * opens it with an internal note (staff only, TKT-1); {@code ccReason} is why a support manager adds CCs (TKT-2).
 */
public record NewTicket(String subject, String body, long formId, @Nullable TicketPriority priority, @Nullable TicketType type,
                        Map<Long, Object> customFields, List<String> ccEmails, List<Long> ccUserIds,
                        List<String> tags, @Nullable Long requesterId, List<String> uploads, boolean isPublic,
                        @Nullable String ccReason) {

    public NewTicket {
        customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
        ccEmails = List.copyOf(ccEmails);
        ccUserIds = List.copyOf(ccUserIds);
        tags = List.copyOf(tags);
        uploads = List.copyOf(uploads);
    }

    /** A ticket opened with a public comment that attaches these files. */
    public NewTicket(String subject, String body, long formId, @Nullable TicketPriority priority, @Nullable TicketType type,
                     Map<Long, Object> customFields, List<String> ccEmails, List<Long> ccUserIds, List<String> tags,
                     @Nullable Long requesterId, List<String> uploads) {
        this(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, uploads, true, null);
    }

    /** A ticket whose first comment is public and attaches no files. */
    public NewTicket(String subject, String body, long formId, @Nullable TicketPriority priority, @Nullable TicketType type,
                     Map<Long, Object> customFields, List<String> ccEmails, List<Long> ccUserIds, List<String> tags,
                     @Nullable Long requesterId) {
        this(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, List.of());
    }

    /** Anything the submitter asks to be copied on, by id or e-mail. */
    public boolean namesCcs() {
        return !ccEmails.isEmpty() || !ccUserIds.isEmpty();
    }
}
