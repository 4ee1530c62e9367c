package org.partnerdesk.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.OutboundAddresses;
import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.notification.persistence.StoredWebhooks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #17, NTF-1: calls one webhook for one ticket event, signed as Zendesk signs (see {@link WebhookSignature}), and logs
 * the attempt whatever its outcome. Anything but a 2xx answer leaves the call in the outbox, which {@link OutboxRetry} hands
 * back after {@code partnerdesk.outbox.retry-after}, as it does a mail; a webhook deleted or made inactive meanwhile is not called.
 */
@Component
class WebhookCalls {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final int LONGEST_ERROR = 1000;

    // redirects are not followed: a webhook calls the URL an admin set, nowhere else
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final StoredWebhooks webhooks;
    private final OutboundAddresses destinations;
    private final MailsInFlight inFlight;
    private final TransactionTemplate logSeparately;
    private final Clock clock;

    WebhookCalls(StoredWebhooks webhooks, OutboundAddresses destinations, MailsInFlight inFlight, PlatformTransactionManager transactions,
                 Clock clock) {
        this.webhooks = webhooks;
        this.destinations = destinations;
        this.inFlight = inFlight;
        this.clock = clock;
        this.logSeparately = new TransactionTemplate(transactions);
        this.logSeparately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @OutboxListener
    void on(WebhookCallRequested call) throws IOException {
        Optional<Webhook> webhook = webhooks.find(call.webhookId()).filter(Webhook::isActive);
        Optional<String> secret = webhooks.signingSecret(call.webhookId());
        if (webhook.isEmpty() || secret.isEmpty()) {
            return;
        }
        inFlight.start(call); // issue #11: the retry job leaves a call alone while its first attempt may still succeed
        try {
            call(webhook.get(), secret.get(), call);
        } finally {
            inFlight.finish(call);
        }
    }

    private void call(Webhook webhook, String secret, WebhookCallRequested call) throws IOException {
        Instant at = clock.instant();
        URI endpoint = URI.create(webhook.endpoint());
        // issue #17: resolved again now, as DNS may have changed since the save; the JVM caches the answer
        // (networkaddress.cache.ttl, 30 s), so the call below connects to the addresses checked here
        Optional<String> refused = destinations.refusal(endpoint);
        if (refused.isPresent()) {
            log(call, at, null, "not called: the endpoint " + refused.get(), 0); // not retried: a retry would be refused the same
            return;
        }
        WebhookSignature signed = WebhookSignature.of(secret, at, call.body());
        long started = System.nanoTime();
        Integer status = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "PartnerDesk Webhook")
                    .header("X-Zendesk-Webhook-Id", Long.toString(webhook.id()))
                    .header("X-Zendesk-Webhook-Invocation-Id", call.eventId().toString())
                    .header(WebhookSignature.SIGNATURE_HEADER, signed.signature())
                    .header(WebhookSignature.TIMESTAMP_HEADER, signed.timestamp())
                    .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            error = status / 100 == 2 ? null : "the endpoint answered " + status;
        } catch (IOException | RuntimeException e) {
            error = describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while waiting for the endpoint";
        }
        int took = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        log(call, at, status, error, took);
        if (error != null) {
            throw new IOException("webhook " + webhook.id() + " (" + call.eventType() + ", ticket " + call.ticketId() + "): " + error);
        }
    }

    // in a transaction of its own: a failed call rolls the listener's back, and its log line must stay
    private void log(WebhookCallRequested call, Instant at, @Nullable Integer status, @Nullable String error, int took) {
        logSeparately.executeWithoutResult(tx -> webhooks.logInvocation(call.webhookId(), call.eventId(), call.eventType(),
                call.ticketId(), at, status, error, took));
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().strip());
        return text.length() <= LONGEST_ERROR ? text : text.substring(0, LONGEST_ERROR - 1) + "…";
    }
}
