package org.partnerdesk.ticket;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What a submitter sends to open a ticket (SPEC 7), already checked for types and lengths. */
public record NewTicket(String subject, String body, long formId, @Nullable String priority, @Nullable String type,
                        Map<Long, Object> customFields, List<String> ccEmails, List<Long> ccUserIds,
                        List<String> tags, @Nullable Long requesterId, List<String> uploads) {

    public NewTicket {
        customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
        ccEmails = List.copyOf(ccEmails);
        ccUserIds = List.copyOf(ccUserIds);
        tags = List.copyOf(tags);
        uploads = List.copyOf(uploads);
    }

    /** A ticket whose first comment attaches no files. */
    public NewTicket(String subject, String body, long formId, @Nullable String priority, @Nullable String type,
                     Map<Long, Object> customFields, List<String> ccEmails, List<Long> ccUserIds, List<String> tags,
                     @Nullable Long requesterId) {
        this(subject, body, formId, priority, type, customFields, ccEmails, ccUserIds, tags, requesterId, List.of());
    }
}
