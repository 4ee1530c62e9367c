package org.partnerdesk.notification.web;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.notification.Webhook;
import org.partnerdesk.notification.WebhookInvocation;
import org.partnerdesk.notification.Webhooks;
import org.partnerdesk.notification.persistence.StoredWebhooks.Settings;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/webhooks} (issue #17): Zendesk's Webhooks API for admins: a webhook, the ticket events it subscribes to, its
 * signing secret and the log of its calls. As Zendesk does, updates and deletes answer 204 and ids are strings.
 */
@RestController
@RequestMapping("/api/v2/webhooks")
class WebhookController {

    private static final Set<String> METHODS = Set.of("POST");
    private static final Set<String> FORMATS = Set.of("json");
    private static final Set<String> STATUSES = Set.of(Webhook.ACTIVE, Webhook.INACTIVE);

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    WebhookPage list(Actor actor, HttpServletRequest request) {
        return webhooks.page(actor, PageRequest.from(request)).body(WebhookJson::of, request, WebhookPage::new);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WebhookResponse create(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        return new WebhookResponse(WebhookJson.of(webhooks.create(actor, read(body, true))));
    }

    @GetMapping("/{id}")
    WebhookResponse show(Actor actor, @PathVariable long id) {
        return new WebhookResponse(WebhookJson.of(webhooks.find(actor, id)));
    }

    /** Zendesk's PUT and PATCH both answer 204; here both change the fields the body names and leave the others. */
    @PutMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        webhooks.find(actor, id);
        webhooks.update(actor, id, read(body, false));
    }

    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void patch(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        update(actor, id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id) {
        webhooks.delete(actor, id);
    }

    @GetMapping("/{id}/signing_secret")
    SigningSecretResponse signingSecret(Actor actor, @PathVariable long id) {
        return SigningSecretResponse.of(webhooks.signingSecret(actor, id));
    }

    @PostMapping("/{id}/signing_secret")
    @ResponseStatus(HttpStatus.CREATED)
    SigningSecretResponse resetSigningSecret(Actor actor, @PathVariable long id) {
        return SigningSecretResponse.of(webhooks.resetSigningSecret(actor, id));
    }

    @GetMapping("/{id}/invocations")
    InvocationPage invocations(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return webhooks.invocations(actor, id, PageRequest.from(request)).body(InvocationJson::of, request, InvocationPage::new);
    }

    // name, endpoint, status and subscriptions are required on create; http_method and request_format default to POST and json
    private Settings read(JsonNode body, boolean creating) {
        JsonBody webhook = JsonBody.root(body, "webhook");
        String name = creating || webhook.has("name") ? webhook.requiredText("name", 255) : null;
        String description = webhook.text("description", 1000);
        String endpoint = creating || webhook.has("endpoint") ? webhook.requiredText("endpoint", 2048) : null;
        String problem = endpoint == null ? null : webhooks.endpointProblem(endpoint);
        if (problem != null) {
            webhook.problemWith("endpoint", "invalid_value", problem);
        }
        String method = webhook.oneOf("http_method", METHODS);
        String format = webhook.oneOf("request_format", FORMATS);
        String status = creating ? webhook.requiredOneOf("status", STATUSES) : webhook.oneOf("status", STATUSES);
        List<String> subscriptions = webhook.texts("subscriptions", 100, 20);
        if (creating && subscriptions == null || subscriptions != null && subscriptions.isEmpty()) {
            webhook.problemWith("subscriptions", "blank", "must name at least one of " + String.join(", ", Webhooks.subscriptions()));
        } else if (subscriptions != null && !Webhooks.subscriptions().containsAll(subscriptions)) {
            webhook.problemWith("subscriptions", "invalid_value", "must hold only " + String.join(", ", Webhooks.subscriptions()));
        }
        webhook.throwIfInvalid();
        return new Settings(name, description, endpoint, creating && method == null ? "POST" : method,
                creating && format == null ? "json" : format, status, subscriptions == null ? null : List.copyOf(new LinkedHashSet<>(subscriptions)));
    }

    record WebhookJson(String id, String url, String name, @Nullable String description, String status, List<String> subscriptions,
                       String endpoint, String httpMethod, String requestFormat, Instant createdAt, String createdBy, Instant updatedAt,
                       String updatedBy) {
        static WebhookJson of(Webhook w) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/webhooks/{id}").buildAndExpand(w.id())
                    .toUriString();
            return new WebhookJson(Long.toString(w.id()), url, w.name(), w.description(), w.status(), w.subscriptions(), w.endpoint(),
                    w.httpMethod(), w.requestFormat(), w.createdAt(), Long.toString(w.createdBy()), w.updatedAt(),
                    Long.toString(w.updatedBy()));
        }
    }

    /** The root object of one webhook (API-1). */
    record WebhookResponse(WebhookJson webhook) {
    }

    /** One cursor page of webhooks (API-1). */
    record WebhookPage(List<WebhookJson> webhooks, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }

    record SigningSecretJson(String algorithm, String secret) {
    }

    /** Zendesk's {@code {"signing_secret":{"algorithm":"SHA256","secret":…}}}. */
    record SigningSecretResponse(SigningSecretJson signingSecret) {
        static SigningSecretResponse of(String secret) {
            return new SigningSecretResponse(new SigningSecretJson("SHA256", secret));
        }
    }

    /** One attempt to call the webhook; {@code status} is success for a 2xx answer, failed otherwise. */
    record InvocationJson(String id, String eventId, String eventType, @Nullable Long ticketId, int attempt, Instant attemptedAt,
                          String status, @Nullable Integer statusCode, @Nullable String error, int durationMs) {
        static InvocationJson of(WebhookInvocation i) {
            return new InvocationJson(Long.toString(i.id()), i.eventId().toString(), i.eventType(), i.ticketId(), i.attempt(),
                    i.attemptedAt(), i.succeeded() ? "success" : "failed", i.statusCode(), i.error(), i.durationMs());
        }
    }

    /** One cursor page of the delivery log, oldest first. */
    record InvocationPage(List<InvocationJson> invocations, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
