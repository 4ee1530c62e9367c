package org.partnerdesk.escalation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** TKT-8: delivers channel messages to the incoming webhook; a failure leaves the message in the outbox for a retry. */
@Component
class ChatWebhook {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    ChatWebhook(JsonMapper json) {
        this.json = json;
    }

    @ApplicationModuleListener
    void on(AllianceMessageRequested message) throws IOException, InterruptedException {
        int status = deliver(message.webhookUrl(), message.text());
        if (status / 100 != 2) {
            throw new IOException("chat webhook answered " + status + " for ticket " + message.ticketId());
        }
    }

    /** Posts one message as the chat service's incoming webhook expects it ({@code {"text": ...}}); answers its status. */
    int deliver(String webhookUrl, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
