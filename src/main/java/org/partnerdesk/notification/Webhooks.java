package org.partnerdesk.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.OutboundAddresses;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.notification.persistence.StoredWebhooks;
import org.partnerdesk.notification.persistence.StoredWebhooks.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue #17: the webhooks admins set up (Zendesk's Webhooks API): each write audited, the signing secret shown to admins
 * only and only on its own endpoint. Deliveries are {@link WebhookEvents}' and {@link WebhookCalls}'.
 */
@Service
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoredWebhooks stored;
    private final OutboundAddresses destinations;
    private final ActiveWebhooks active;

    Webhooks(StoredWebhooks stored, OutboundAddresses destinations, ActiveWebhooks active) {
        this.stored = stored;
        this.destinations = destinations;
        this.active = active;
    }

    public CursorPage<Webhook> page(Actor actor, PageRequest page) {
        actor.requireAdmin();
        return CursorPage.of(stored.page(page.afterId(), page.fetchSize()), page, Webhook::id);
    }

    public Webhook find(Actor actor, long id) {
        actor.requireAdmin();
        return stored.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Webhook create(Actor actor, Settings settings) {
        actor.requireAdmin();
        Webhook created = stored.insert(settings, newSecret(), actor.userId());
        active.changed();
        stored.audit(actor.userId(), created.id(), "create", values(created));
        return created;
    }

    @Transactional
    public Webhook update(Actor actor, long id, Settings settings) {
        Webhook before = find(actor, id);
        Webhook after = stored.update(id, settings, actor.userId()).orElseThrow(() -> notFound(id));
        active.changed();
        stored.audit(actor.userId(), id, "update", Map.of("before", values(before), "after", values(after)));
        return after;
    }

    /** Deliveries still waiting in the outbox for this webhook are dropped when their turn comes. */
    @Transactional
    public void delete(Actor actor, long id) {
        Webhook gone = find(actor, id);
        stored.delete(id);
        active.changed();
        stored.audit(actor.userId(), id, "delete", values(gone));
    }

    public String signingSecret(Actor actor, long id) {
        actor.requireAdmin();
        return stored.signingSecret(id).orElseThrow(() -> notFound(id));
    }

    /** A new secret signs every call from now on, retries of older events included. */
    @Transactional
    public String resetSigningSecret(Actor actor, long id) {
        actor.requireAdmin();
        String secret = newSecret();
        if (!stored.resetSigningSecret(id, secret, actor.userId())) {
            throw notFound(id);
        }
        stored.audit(actor.userId(), id, "reset_signing_secret", Map.of());
        return secret;
    }

    public CursorPage<WebhookInvocation> invocations(Actor actor, long id, PageRequest page) {
        find(actor, id);
        return CursorPage.of(stored.invocations(id, page.afterId(), page.fetchSize()), page, WebhookInvocation::id);
    }

    /**
     * Issue #17: a webhook calls http or https URLs only (no file:, ftp:, javascript: ...), with a host and without
     * credentials in the URL (lists would show them), and not to an internal address ({@link OutboundAddresses}); the reason
     * when {@code endpoint} is not one, else null.
     */
    public @Nullable String endpointProblem(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return "must be an http or https URL";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "must name a host";
            }
            if (uri.getRawUserInfo() != null) {
                return "cannot hold a user name or password";
            }
            return destinations.refusal(uri).orElse(null);
        } catch (URISyntaxException e) {
            return "is not a URL: " + e.getReason();
        }
    }

    /** Every subscription a webhook may hold: Zendesk's ticket event types and conditional_ticket_events. */
    public static Set<String> subscriptions() {
        return WebhookEventType.subscriptions();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Object> values(Webhook webhook) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", webhook.name());
        values.put("endpoint", webhook.endpoint());
        values.put("status", webhook.status());
        values.put("subscriptions", webhook.subscriptions());
        return values;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("Webhook " + id);
    }
}
