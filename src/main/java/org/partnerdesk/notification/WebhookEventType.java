package org.partnerdesk.notification;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Issue #17: the ticket events a webhook may subscribe to, by Zendesk's names, and the audited field each "changed" event
 * follows. {@code ticket.created}, the field changes and {@code ticket.comment_added} are what the issue calls ticket.created,
 * ticket.updated and comment.created.
 */
enum WebhookEventType {
    TICKET_CREATED("ticket.created", null),
    STATUS_CHANGED("ticket.status_changed", "status"),
    PRIORITY_CHANGED("ticket.priority_changed", "priority"),
    AGENT_ASSIGNMENT_CHANGED("ticket.agent_assignment_changed", "assignee_id"),
    GROUP_ASSIGNMENT_CHANGED("ticket.group_assignment_changed", "group_id"),
    SUBJECT_CHANGED("ticket.subject_changed", "subject"),
    TAGS_CHANGED("ticket.tags_changed", "tags"),
    REQUESTER_CHANGED("ticket.requester_changed", "requester_id"),
    ORGANIZATION_CHANGED("ticket.organization_changed", "organization_id"),
    COMMENT_ADDED("ticket.comment_added", null),
    // issue #17: into the bin, back out of it, and scrubbed for good
    SOFT_DELETED("ticket.soft_deleted", null),
    UNDELETED("ticket.undeleted", null),
    PERMANENTLY_DELETED("ticket.permanently_deleted", null);

    /** Zendesk's subscription for webhooks its triggers and automations call: accepted and kept, but there are no triggers yet. */
    static final String CONDITIONAL_TICKET_EVENTS = "conditional_ticket_events";

    private static final String PREFIX = "zen:event-type:";

    private final String name;
    private final @Nullable String field;

    WebhookEventType(String name, @Nullable String field) {
        this.name = name;
        this.field = field;
    }

    String zendeskName() {
        return PREFIX + name;
    }

    /** The "changed" event that follows this audited field, if one does. */
    static Optional<WebhookEventType> followingField(String field) {
        return Arrays.stream(values()).filter(type -> field.equals(type.field)).findFirst();
    }

    /** Every subscription a webhook may hold, for validation and its error message. */
    static Set<String> subscriptions() {
        Set<String> names = new TreeSet<>();
        names.add(CONDITIONAL_TICKET_EVENTS);
        for (WebhookEventType type : values()) {
            names.add(type.zendeskName());
        }
        return names;
    }
}
