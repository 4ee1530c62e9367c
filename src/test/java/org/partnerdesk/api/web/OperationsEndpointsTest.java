package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * What operations rely on besides the API (SPEC 6 and 7): a health probe without sign-in, Prometheus metrics for an admin
 * token (#10 item 12),
 * the OpenAPI description of the API, and nothing else of the actuator: no environment, beans or heap dump for
 * anyone, signed in or not.
 */
class OperationsEndpointsTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void healthIsUpWithoutSignInAndShowsNoDetails() {
        Reply health = desk.anonymous().get("/actuator/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.at("/status").stringValue()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("an anonymous probe learns nothing about the database").isFalse();
        assertThat(desk.anonymous().get("/actuator/health/liveness").at("/status").stringValue()).isEqualTo("UP");
        assertThat(desk.anonymous().get("/actuator/health/readiness").at("/status").stringValue()).isEqualTo("UP");
    }

    @Test
    void prometheusAnswersTextAndCountsTheApiCallJustMade() throws Exception {
        String uri = "uri=\"/api/v2/ticket_fields/{id}\"";
        double before = requestCount(scrape().body(), uri);

        assertThat(desk.admin.get("/api/v2/ticket_fields/" + org.partnerdesk.Desk.ORGANIZATION_EMAIL).status()).isEqualTo(200);

        // the server records the request after the answer is on its way: give it a moment to land
        Instant deadline = Instant.now().plusSeconds(5);
        HttpResponse<String> scraped = scrape();
        while (requestCount(scraped.body(), uri) <= before && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            scraped = scrape();
        }
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scraped.body()).contains("http_server_requests");
        assertThat(requestCount(scraped.body(), uri)).isEqualTo(before + 1);
    }

    @Test
    void openApiDescriptionListsTheTicketEndpointsWithoutSignIn() {
        Reply docs = desk.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v2/tickets")).isTrue();
        assertThat(paths.get("/api/v2/tickets").has("post")).isTrue();
        assertThat(paths.get("/api/v2/tickets").has("get")).isTrue();
        assertThat(paths.has("/api/v2/tickets/{id}")).isTrue();
        assertThat(paths.has("/api/v2/tickets/{id}/entitlement")).isTrue();
    }

    @Test
    void actuatorAdvertisesOnlyHealthInfoAndPrometheus() {
        Reply discovery = desk.anonymous().get("/actuator");

        assertThat(discovery.status()).as(discovery.toString()).isEqualTo(200);
        List<String> links = new ArrayList<>(discovery.json().get("_links").propertyNames());
        assertThat(links).containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
    }

    @Test
    void actuatorEndpointsThatAreNotExposedAreNotReachableSignedInOrNot() {
        List<String> hidden = List.of("/actuator/env", "/actuator/env/partnerdesk.admin.token", "/actuator/beans",
                "/actuator/configprops", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings",
                "/actuator/metrics", "/actuator/conditions", "/actuator/scheduledtasks", "/actuator/caches", "/actuator/flyway");

        for (ApiClient caller : List.of(desk.anonymous(), desk.admin)) {
            for (String path : hidden) {
                Reply reply = caller.get(path);
                assertThat(reply.status()).as(path + " answered " + reply).isIn(404, 401);
                assertThat(reply.text()).as(path).doesNotContain(ADMIN_TOKEN).doesNotContain("spring.datasource");
            }
            Reply shutdown = caller.post("/actuator/shutdown", "{}");
            assertThat(shutdown.status()).as("/actuator/shutdown answered " + shutdown).isIn(404, 401);
        }
        assertThat(desk.anonymous().get("/actuator/health").at("/status").stringValue()).isEqualTo("UP");
    }

    private HttpResponse<String> scrape() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                .header("Accept", "text/plain").header("Authorization", "Bearer " + ADMIN_TOKEN).timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of http_server_requests_seconds_count for successful GETs of one route, 0 before the first. */
    private static double requestCount(String scraped, String uri) {
        return scraped.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains(uri) && line.contains("method=\"GET\"") && line.contains("status=\"200\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
