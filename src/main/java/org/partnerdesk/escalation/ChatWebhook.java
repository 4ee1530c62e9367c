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
        HttpRequest request = HttpRequest.newBuilder(URI.create(message.webhookUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", message.text()))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("chat webhook answered " + response.statusCode() + " for ticket " + message.ticketId());
        }
    }
}
