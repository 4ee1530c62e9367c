package org.partnerdesk.notification;

import java.util.UUID;

/**
 * Issue #17: one ticket event for one webhook, kept in the outbox until the endpoint answered 2xx. The body is fixed when
 * the event happens, so every retry sends (and signs) the same bytes; {@code eventId} is the event's, shared by its webhooks.
 */
public record WebhookCallRequested(long webhookId, UUID eventId, String eventType, long ticketId, String body) {
}
