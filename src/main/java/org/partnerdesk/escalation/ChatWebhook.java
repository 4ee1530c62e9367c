package org.partnerdesk.escalation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.api.OutboundAddresses;
import org.partnerdesk.api.OutboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * TKT-8: delivers channel messages to the incoming webhook; a failure leaves the message in the outbox for a retry. Like a
 * webhook, it never calls an internal address ({@link OutboundAddresses}, server-side request forgery).
 */
@Component
class ChatWebhook {

    private static final Logger log = LoggerFactory.getLogger(ChatWebhook.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;
    private final OutboundAddresses addresses;

    ChatWebhook(JsonMapper json, OutboundAddresses addresses) {
        this.json = json;
        this.addresses = addresses;
    }

    @OutboxListener
    void on(AllianceMessageRequested message) throws IOException, InterruptedException {
        Optional<String> refused = refusal(message.webhookUrl());
        if (refused.isPresent()) {
            // not retried: a retry would be refused the same; the agent was refused when posting, unless the address changed since
            log.warn("Alliance message on ticket {} not posted: the chat webhook {}", message.ticketId(), refused.get());
            return;
        }
        int status = deliver(message.webhookUrl(), message.text());
        if (status / 100 != 2) {
            throw new IOException("chat webhook answered " + status + " for ticket " + message.ticketId());
        }
    }

    /** Why the desk may not call this chat webhook, if it may not: an internal address (checked again before each call). */
    Optional<String> refusal(String webhookUrl) {
        try {
            return addresses.refusal(URI.create(webhookUrl));
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty(); // not an address at all: the call fails, and says so, as before
        }
    }

    /**
     * Posts one message as the chat service's incoming webhook expects it ({@code {"text": ...}}); answers its status.
     * Both callers ask {@link #refusal} first (one DNS lookup per message), so an internal address never reaches here.
     */
    int deliver(String webhookUrl, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
