package org.partnerdesk.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Issue #17: one attempt to call a webhook: when, for which event, what the endpoint answered ({@code statusCode}, null when
 * it did not answer) or why it failed, and how long it took.
 */
public record WebhookInvocation(long id, long webhookId, UUID eventId, String eventType, @Nullable Long ticketId, int attempt,
                                Instant attemptedAt, @Nullable Integer statusCode, @Nullable String error, int durationMs) {

    public boolean succeeded() {
        return statusCode != null && statusCode / 100 == 2;
    }
}
