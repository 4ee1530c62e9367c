package org.partnerdesk.notification;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Issue #17: a webhook as Zendesk describes one: where to POST, which events, active or not. Its signing secret is kept
 * apart ({@link Webhooks#signingSecret}), so no list or read of a webhook can show it.
 */
public record Webhook(long id, String name, @Nullable String description, String endpoint, String httpMethod, String requestFormat,
                      String status, List<String> subscriptions, Instant createdAt, long createdBy, Instant updatedAt, long updatedBy) {

    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    public Webhook {
        subscriptions = List.copyOf(subscriptions);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    boolean subscribesTo(WebhookEventType type) {
        return subscriptions.contains(type.zendeskName());
    }
}
