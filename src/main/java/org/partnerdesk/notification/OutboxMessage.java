package org.partnerdesk.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * NTF-1: one notification waiting in the outbox (an incomplete event publication), with why its last attempt failed
 * when it did. {@code status} is Spring Modulith's: PUBLISHED, PROCESSING, RESUBMITTED or FAILED.
 */
public record OutboxMessage(UUID id, String listenerId, String eventType, @Nullable Long ticketId, Instant publishedAt,
                            String status, int attempts, @Nullable Instant lastResubmittedAt, @Nullable String reason,
                            @Nullable Instant failedAt) {

    public boolean isFailed() {
        return "FAILED".equals(status);
    }

    /** The event in words: {@code org.partnerdesk.ticket.PublicReplyAdded} is "Public reply added". */
    public String what() {
        return words(simpleName(eventType));
    }

    /** Who delivers it: {@code org.partnerdesk.notification.ReplyMail.on(...)} is "Reply mail". */
    public String deliveredBy() {
        int parameters = listenerId.indexOf('(');
        String method = parameters < 0 ? listenerId : listenerId.substring(0, parameters);
        int dot = method.lastIndexOf('.');
        return words(simpleName(dot < 0 ? method : method.substring(0, dot)));
    }

    private static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    private static String words(String camelCase) {
        String spaced = camelCase.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase();
        return spaced.isEmpty() ? camelCase : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
