package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.TestDataDir;
import org.partnerdesk.notification.StallingSmtpServer.Mode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #11: a mail server that hangs must neither freeze the desk nor make it send a mail twice. Its own context (the
 * mail server is a {@link StallingSmtpServer}), with SMTP timeouts of a few seconds set here, not the 10 s defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partnerdesk.embedded.ephemeral=true",
        "partnerdesk.admin.email=" + ApiTest.ADMIN_EMAIL,
        "partnerdesk.admin.token=" + ApiTest.ADMIN_TOKEN,
        "partnerdesk.demo-data=false",
        "partnerdesk.smtp.starttls=false",
        "partnerdesk.smtp.connect-timeout=1s",
        "partnerdesk.smtp.read-timeout=3s",
        "partnerdesk.smtp.write-timeout=3s",
        "partnerdesk.smtp.health-check-interval=PT1S",
        "partnerdesk.outbox.retry-after=PT0S",
        "partnerdesk.outbox.stale-after=PT1S",
        "partnerdesk.outbox.retry-every=PT1H"
})
class HungMailServerTest {

    static final StallingSmtpServer SMTP = new StallingSmtpServer();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("partnerdesk.data-dir", () -> TestDataDir.PATH.toString());
        // the names the desk read before issue #12, so this test fails on the desk before the fix too
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @LocalServerPort
    int port;

    @Autowired
    OutboxRetry retry;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void answerAgain() {
        SMTP.mode(Mode.ANSWER);
    }

    @Test
    void healthAndTheApiAnswerAtOnceWhileTheMailServerHangs() throws Exception {
        SMTP.mode(Mode.HANG);
        Thread.sleep(1500); // the background mail check is hanging by now

        List<CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // more probes than request workers (8)
            probes.add(http.sendAsync(get("/actuator/health"), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> probe : probes) {
            HttpResponse<String> health = probe.get();
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
        assertThat(http.send(get("/actuator/health/readiness"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(get("/actuator/health/liveness"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v2/users/me"))
                .header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    }

    @Test
    void theMailGroupTellsThatTheHungMailServerIsDown() throws Exception {
        SMTP.mode(Mode.HANG);
        Instant deadline = Instant.now().plusSeconds(15);
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 503) {
            Thread.sleep(250);
            status = http.send(get("/actuator/health/mail"), HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertThat(status).isEqualTo(503);
    }

    @Test
    void aMailStillInFlightIsNotSentAgainAndItsResentCopyKeepsItsMessageId() throws Exception {
        Desk desk = new Desk(base());
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        long id = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Hung mail","comment":{"body":"opening"}}}""").id("ticket");
        String reply = Desk.unique("Sent while the server hangs");
        SMTP.mode(Mode.HANG_AFTER_DATA);

        desk.agent().api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"" + reply + "\",\"public\":true}}}");
        awaitMessages(reply, 1);
        Thread.sleep(1200); // older than partnerdesk.outbox.stale-after, still waiting for the server's answer (3 s)
        retry.retry();
        retry.retryNow();
        Thread.sleep(500);
        assertThat(SMTP.messagesContaining(reply)).as("resubmitted while in flight").hasSize(1);

        SMTP.mode(Mode.ANSWER);
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline) && SMTP.messagesContaining(reply).size() < 2) {
            retry.retry(); // the first attempt times out (3 s), fails, and only then is handed back
            Thread.sleep(300);
        }
        List<String> copies = SMTP.messagesContaining(reply);
        assertThat(copies).hasSize(2);
        assertThat(StallingSmtpServer.messageId(copies.get(1))).isEqualTo(StallingSmtpServer.messageId(copies.get(0)))
                .startsWith("<partnerdesk.ticket-" + id + ".");
        retry.retryNow();
        Thread.sleep(500);
        assertThat(SMTP.messagesContaining(reply)).as("sent once more after it was confirmed").hasSize(2);
    }

    private void awaitMessages(String text, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline) && SMTP.messagesContaining(text).size() < count) {
            Thread.sleep(50);
        }
        assertThat(SMTP.messagesContaining(text)).hasSize(count);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(2)).build();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
