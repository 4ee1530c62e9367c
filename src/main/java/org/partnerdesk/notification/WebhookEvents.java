package org.partnerdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.notification.persistence.StoredWebhooks;
import org.partnerdesk.ticket.Audit;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChanged;
import org.partnerdesk.ticket.TicketChanges;
import org.partnerdesk.ticket.TicketCreated;
import org.partnerdesk.ticket.TicketDeletions;
import org.partnerdesk.ticket.TicketPurged;
import org.partnerdesk.ticket.Tickets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17: turns a ticket write into one {@link WebhookCallRequested} per subscribed webhook and event, inside the writing
 * transaction, so the outbox holds the calls exactly when the change is stored (NTF-1). The events are Zendesk's, with its
 * payload schema ({@code type, account_id, id, time, zendesk_event_version, subject, detail, event}); what changed is read
 * from the audits this transaction wrote. With no active webhook a write reads nothing ({@link ActiveWebhooks}).
 */
@Component
class WebhookEvents {

    private static final List<String> TICKET_EVENTS = Arrays.stream(WebhookEventType.values()).map(WebhookEventType::zendeskName).toList();
    private static final String EVENT_VERSION = "2022-11-06";
    private static final Object ANNOUNCED = new Object(); // the audits this transaction already told webhooks about

    private final StoredWebhooks webhooks;
    private final ActiveWebhooks active;
    private final Tickets tickets;
    private final TicketDeletions deletions;
    private final TicketChanges changes;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEvents(StoredWebhooks webhooks, ActiveWebhooks active, Tickets tickets, TicketDeletions deletions, TicketChanges changes,
                  ApplicationEventPublisher publisher, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.active = active;
        this.tickets = tickets;
        this.deletions = deletions;
        this.changes = changes;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(TicketCreated created) {
        List<Webhook> subscribed = active.any() ? webhooks.activeSubscribedToAny(TICKET_EVENTS) : List.of();
        if (subscribed.isEmpty()) {
            return;
        }
        // the opening's audit (its description among them) is told as ticket.created, not again as changes or a comment
        changes.inThisTransaction(created.ticketId()).forEach(audit -> announced().add(audit.id()));
        tickets.find(created.ticketId()).ifPresent(ticket -> tell(subscribed, ticket.id(), detail(ticket, created.submitterId()),
                List.of(new Occurrence(WebhookEventType.TICKET_CREATED, Map.of()))));
    }

    @EventListener
    void on(TicketChanged changed) {
        List<Webhook> subscribed = active.any() ? webhooks.activeSubscribedToAny(TICKET_EVENTS) : List.of();
        if (subscribed.isEmpty()) {
            return;
        }
        Set<Long> announced = announced();
        List<Occurrence> occurrences = new ArrayList<>();
        for (Audit audit : changes.inThisTransaction(changed.ticketId())) {
            if (announced.add(audit.id())) {
                audit.events().forEach(event -> occurrence(audit, event).ifPresent(occurrences::add));
            }
        }
        if (!occurrences.isEmpty()) {
            // issue #17: a ticket just moved to the bin is told about as it was deleted; any other change to one, never
            boolean deletedNow = occurrences.stream().anyMatch(o -> o.type() == WebhookEventType.SOFT_DELETED);
            tickets.find(changed.ticketId()).or(() -> deletedNow ? deletions.findInBin(changed.ticketId()) : Optional.empty())
                    .ifPresent(ticket -> tell(subscribed, ticket.id(), detail(ticket, changed.changedBy()), occurrences));
        }
    }

    /** Issue #17: a purged ticket is scrubbed, so its event tells only its id and who purged it (none: the daily purge). */
    @EventListener
    void on(TicketPurged purged) {
        List<Webhook> subscribed = active.any() ? webhooks.activeSubscribedToAny(TICKET_EVENTS) : List.of();
        if (subscribed.isEmpty()) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("actor_id", purged.purgedBy() == null ? "-1" : Long.toString(purged.purgedBy()));
        detail.put("id", Long.toString(purged.ticketId()));
        tell(subscribed, purged.ticketId(), detail, List.of(new Occurrence(WebhookEventType.PERMANENTLY_DELETED, Map.of())));
    }

    /** One Zendesk event of an action, with its {@code event} object. */
    private record Occurrence(WebhookEventType type, Map<String, Object> event) {
    }

    // a field change is "<field>_changed" with current and previous; a comment is comment_added, internal notes as is_public false
    private static Optional<Occurrence> occurrence(Audit audit, Audit.Event event) {
        if ("Comment".equals(event.type())) {
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("author", Map.of("id", Long.toString(audit.authorId())));
            comment.put("body", event.value());
            comment.put("is_public", !"internal".equals(event.reason()));
            return Optional.of(new Occurrence(WebhookEventType.COMMENT_ADDED, Map.of("comment", comment)));
        }
        if (!"Change".equals(event.type())) {
            return Optional.empty();
        }
        if (isDeletionOrRestore(event)) {
            return Optional.of(new Occurrence("deleted".equals(event.value()) ? WebhookEventType.SOFT_DELETED : WebhookEventType.UNDELETED,
                    Map.of()));
        }
        return WebhookEventType.followingField(event.fieldName()).map(type -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("current", event.value());
            change.put("previous", event.previousValue());
            return new Occurrence(type, change);
        });
    }

    /**
     * Issue #17 item 5: moving a ticket to the bin or back is audited as a status change to or from "deleted"; it is not a
     * status change of Zendesk's but its own ticket.soft_deleted or ticket.undeleted event. Any other change to a deleted
     * ticket calls no webhook: {@link Tickets#find(long)} leaves it out.
     */
    private static boolean isDeletionOrRestore(Audit.Event event) {
        return "status".equals(event.fieldName()) && ("deleted".equals(event.value()) || "deleted".equals(event.previousValue()));
    }

    private void tell(List<Webhook> subscribed, long ticketId, Map<String, Object> detail, List<Occurrence> occurrences) {
        String sequence = UUID.randomUUID().toString();
        String time = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        int position = 0;
        for (Occurrence occurrence : occurrences) {
            position++;
            List<Webhook> listening = subscribed.stream().filter(w -> w.subscribesTo(occurrence.type())).toList();
            if (listening.isEmpty()) {
                continue;
            }
            UUID eventId = UUID.randomUUID();
            Map<String, Object> event = new LinkedHashMap<>(occurrence.event());
            event.put("meta", Map.of("sequence", Map.of("id", sequence, "position", position, "total", occurrences.size())));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", occurrence.type().zendeskName());
            payload.put("account_id", 1); // one desk, one account
            payload.put("id", eventId.toString());
            payload.put("time", time);
            payload.put("zendesk_event_version", EVENT_VERSION);
            payload.put("subject", "zen:ticket:" + ticketId);
            payload.put("detail", detail);
            payload.put("event", event);
            String body = json.writeValueAsString(payload);
            for (Webhook webhook : listening) {
                publisher.publishEvent(new WebhookCallRequested(webhook.id(), eventId, occurrence.type().zendeskName(), ticketId, body));
            }
        }
    }

    // Zendesk's detail object of ticket events: the ticket as it is after the action, its ids as strings
    private static Map<String, Object> detail(Ticket ticket, long actorId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("actor_id", Long.toString(actorId));
        detail.put("assignee_id", text(ticket.assigneeId()));
        detail.put("created_at", seconds(ticket.createdAt()));
        detail.put("description", ticket.description());
        detail.put("external_id", null);
        detail.put("form_id", Long.toString(ticket.formId()));
        detail.put("group_id", text(ticket.groupId()));
        detail.put("id", Long.toString(ticket.id()));
        detail.put("is_public", ticket.descriptionIsPublic());
        detail.put("organization_id", text(ticket.organizationId()));
        detail.put("priority", ticket.priorityCode());
        detail.put("requester_id", Long.toString(ticket.requesterId()));
        detail.put("status", ticket.status().code());
        detail.put("subject", ticket.subject());
        detail.put("submitter_id", Long.toString(ticket.submitterId()));
        detail.put("tags", ticket.tags());
        detail.put("type", ticket.typeCode());
        detail.put("updated_at", seconds(ticket.updatedAt()));
        detail.put("via", Map.of("channel", "api"));
        return detail;
    }

    private static @Nullable String text(@Nullable Long id) {
        return id == null ? null : id.toString();
    }

    private static String seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> announced() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashSet<>();
        }
        Set<Long> ids = (Set<Long>) TransactionSynchronizationManager.getResource(ANNOUNCED);
        if (ids == null) {
            Set<Long> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(ANNOUNCED, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ANNOUNCED);
                }
            });
            return fresh;
        }
        return ids;
    }
}
