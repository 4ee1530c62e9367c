package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17 item 7: ticket events reach a real receiver on 127.0.0.1 through the outbox, signed as Zendesk signs them
 * (base64 HMAC-SHA256 of timestamp + body), and every attempt, failed or not, is in the webhook's delivery log. A receiver on
 * loopback is only called with {@code partnerdesk.webhooks.allow-internal-addresses} on: this class's context alone has it.
 */
@TestPropertySource(properties = "partnerdesk.webhooks.allow-internal-addresses=true")
class WebhookDeliveryTest extends ApiTest {

    @Autowired
    OutboxRetry retry;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Call> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private final List<String> webhooks = new ArrayList<>();
    private HttpServer receiver;

    /** One request the receiver took: its signature headers and raw body. */
    record Call(String signature, String timestamp, String body, JsonNode json) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                received.add(new Call(exchange.getRequestHeaders().getFirst("X-Zendesk-Webhook-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Zendesk-Webhook-Signature-Timestamp"), body, json.readTree(body)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        webhooks.forEach(id -> desk.admin.delete("/api/v2/webhooks/" + id));
        receiver.stop(0);
    }

    @Test
    void aNewTicketIsPostedToTheWebhookSignedAsZendeskSignsIt() throws Exception {
        String webhook = webhook("zen:event-type:ticket.created");
        String secret = desk.admin.get("/api/v2/webhooks/" + webhook + "/signing_secret").at("/signing_secret/secret").stringValue();

        long ticket = ticket(desk.agent(), "Printer on fire");

        Call call = await(c -> c.json().at("/subject").stringValue().equals("zen:ticket:" + ticket));
        assertThat(call.json().at("/type").stringValue()).isEqualTo("zen:event-type:ticket.created");
        assertThat(call.json().at("/detail/id").stringValue()).isEqualTo(Long.toString(ticket));
        assertThat(call.json().at("/detail/subject").stringValue()).isEqualTo("Printer on fire");
        assertThat(call.timestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(call.signature()).as("base64(HMAC-SHA256(secret, timestamp + body))")
                .isEqualTo(hmac(secret, call.timestamp() + call.body()));
        JsonNode logged = awaitLog(webhook, 1).get(0);
        assertThat(logged.at("/status").stringValue()).isEqualTo("success");
        assertThat(logged.at("/status_code").intValue()).isEqualTo(200);
        assertThat(logged.at("/ticket_id").longValue()).isEqualTo(ticket);
        assertThat(logged.at("/duration_ms").isIntegralNumber()).isTrue();
        assertThat(logged.at("/attempted_at").stringValue()).isNotBlank();
    }

    @Test
    void aStatusChangeAPublicReplyAndAnInternalNoteReachTheirSubscribers() throws Exception {
        webhook("zen:event-type:ticket.status_changed", "zen:event-type:ticket.comment_added");
        Account agent = desk.agent();
        long ticket = ticket(agent, "Slow sync");

        agent.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"status":"pending","comment":{"body":"Could you send the logs?"}}}""");
        agent.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"comment":{"body":"Customer is on the old agent","public":false}}}""");

        Call status = await(c -> isAbout(c, ticket, "zen:event-type:ticket.status_changed"));
        assertThat(status.json().at("/event/current").stringValue()).isEqualTo("pending");
        assertThat(status.json().at("/event/previous").stringValue()).isEqualTo("new");
        assertThat(status.json().at("/detail/actor_id").stringValue()).isEqualTo(Long.toString(agent.id()));
        Call reply = await(c -> isAbout(c, ticket, "zen:event-type:ticket.comment_added")
                && c.json().at("/event/comment/body").stringValue().equals("Could you send the logs?"));
        assertThat(reply.json().at("/event/comment/is_public").booleanValue()).isTrue();
        Call note = await(c -> isAbout(c, ticket, "zen:event-type:ticket.comment_added")
                && c.json().at("/event/comment/body").stringValue().equals("Customer is on the old agent"));
        assertThat(note.json().at("/event/comment/is_public").booleanValue()).as("internal notes go out marked private").isFalse();
        assertThat(received).noneMatch(c -> isAbout(c, ticket, "zen:event-type:ticket.created"));
    }

    @Test
    void aFailingReceiverIsRetriedFromTheOutboxAndEachAttemptIsLogged() throws Exception {
        String webhook = webhook("zen:event-type:ticket.created");
        failuresToServe.set(1);

        long ticket = ticket(desk.agent(), "Licence key rejected");

        JsonNode failed = awaitLog(webhook, 1).get(0);
        assertThat(failed.at("/status").stringValue()).isEqualTo("failed");
        assertThat(failed.at("/status_code").intValue()).isEqualTo(500);
        assertThat(failed.at("/error").stringValue()).contains("500");
        assertThat(failed.at("/attempt").intValue()).isEqualTo(1);
        Instant deadline = Instant.now().plusSeconds(15);
        while (received.stream().noneMatch(c -> isAbout(c, ticket, "zen:event-type:ticket.created")) && Instant.now().isBefore(deadline)) {
            retry.retryNow(); // the job would do this after partnerdesk.outbox.retry-after
            Thread.sleep(200);
        }
        await(c -> isAbout(c, ticket, "zen:event-type:ticket.created"));
        JsonNode succeeded = awaitLog(webhook, 2).get(1);
        assertThat(succeeded.at("/status").stringValue()).isEqualTo("success");
        assertThat(succeeded.at("/attempt").intValue()).isEqualTo(2);
        assertThat(succeeded.at("/event_id").stringValue()).isEqualTo(failed.at("/event_id").stringValue());
    }

    @Test
    void anInactiveWebhookIsNotCalled() throws Exception {
        String webhook = webhook("zen:event-type:ticket.created");
        assertThat(desk.admin.send("PATCH", "/api/v2/webhooks/" + webhook, """
                {"webhook":{"status":"inactive"}}""").status()).isEqualTo(204);
        String active = webhook("zen:event-type:ticket.created");

        long ticket = ticket(desk.agent(), "Quiet please");

        await(c -> isAbout(c, ticket, "zen:event-type:ticket.created"));
        Thread.sleep(300);
        assertThat(received.stream().filter(c -> isAbout(c, ticket, "zen:event-type:ticket.created"))).hasSize(1);
        assertThat(desk.admin.get("/api/v2/webhooks/" + webhook + "/invocations").json().get("invocations")).isEmpty();
        assertThat(awaitLog(active, 1)).hasSize(1);
    }

    @Test
    void movingATicketToTheBinAndBackCallsNoWebhookNorDoesAChangeWhileItIsThere() throws Exception {
        webhook("zen:event-type:ticket.status_changed", "zen:event-type:ticket.comment_added");
        Account agent = desk.agent();
        long ticket = ticket(agent, "Wrong customer");

        assertThat(desk.admin.delete("/api/v2/tickets/" + ticket).status()).isEqualTo(204);
        Reply whileDeleted = agent.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"status":"pending","comment":{"body":"Anyone there?"}}}""");
        Reply restored = desk.admin.put("/api/v2/deleted_tickets/" + ticket + "/restore", "");
        agent.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"status":"pending"}}""");

        assertThat(whileDeleted.status()).isEqualTo(404);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        Call pending = await(c -> isAbout(c, ticket, "zen:event-type:ticket.status_changed"));
        assertThat(pending.json().at("/event/current").stringValue()).isEqualTo("pending");
        Thread.sleep(300); // calls go out on several threads: give any other the time to arrive
        assertThat(received.stream().filter(c -> isAbout(c, ticket, "zen:event-type:ticket.status_changed")))
                .as("the delete and the restore are not status changes").hasSize(1);
        assertThat(received).noneMatch(c -> c.body().contains("deleted") || c.body().contains("Anyone there?"));
    }

    @Test
    void deletingRestoringAndPurgingATicketAreTheirOwnEvents() throws Exception {
        webhook("zen:event-type:ticket.soft_deleted", "zen:event-type:ticket.undeleted", "zen:event-type:ticket.permanently_deleted");
        long ticket = ticket(desk.agent(), "Filed twice");

        assertThat(desk.admin.delete("/api/v2/tickets/" + ticket).status()).isEqualTo(204);
        Call deleted = await(c -> isAbout(c, ticket, "zen:event-type:ticket.soft_deleted"));
        assertThat(desk.admin.put("/api/v2/deleted_tickets/" + ticket + "/restore", "").status()).isEqualTo(200);
        Call undeleted = await(c -> isAbout(c, ticket, "zen:event-type:ticket.undeleted"));
        assertThat(desk.admin.delete("/api/v2/tickets/" + ticket).status()).isEqualTo(204);
        assertThat(desk.admin.delete("/api/v2/deleted_tickets/" + ticket).status()).isEqualTo(204);
        Call purged = await(c -> isAbout(c, ticket, "zen:event-type:ticket.permanently_deleted"));

        assertThat(deleted.json().at("/detail/subject").stringValue()).isEqualTo("Filed twice");
        assertThat(deleted.json().at("/subject").stringValue()).isEqualTo("zen:ticket:" + ticket);
        assertThat(undeleted.json().at("/detail/id").stringValue()).isEqualTo(Long.toString(ticket));
        assertThat(purged.json().at("/detail/id").stringValue()).isEqualTo(Long.toString(ticket));
        assertThat(purged.body()).doesNotContain("Filed twice");
        Thread.sleep(300); // calls go out on several threads: give any other the time to arrive
        assertThat(received.stream().filter(c -> isAbout(c, ticket, "zen:event-type:ticket.soft_deleted"))).hasSize(2);
        assertThat(received.stream().filter(c -> isAbout(c, ticket, "zen:event-type:ticket.undeleted"))).hasSize(1);
    }

    private String webhook(String... subscriptions) {
        Reply created = desk.admin.post("/api/v2/webhooks", """
                {"webhook":{"name":"Sync","endpoint":"http://127.0.0.1:%d/hooks","http_method":"POST","request_format":"json",
                 "status":"active","subscriptions":%s}}""".formatted(receiver.getAddress().getPort(), json.writeValueAsString(subscriptions)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.at("/webhook/id").stringValue();
        webhooks.add(id);
        return id;
    }

    private long ticket(Account agent, String subject) {
        Account ann = desk.endUserIn(desk.aCustomer());
        Reply opened = agent.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","requester_id":%d,"ticket_form_id":%d,"comment":{"body":"It happened again."}}}"""
                .formatted(subject, ann.id(), SUPPORT_FORM));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.id("ticket");
    }

    private static boolean isAbout(Call call, long ticket, String type) {
        return call.json().at("/subject").stringValue().equals("zen:ticket:" + ticket) && call.json().at("/type").stringValue().equals(type);
    }

    private Call await(Predicate<Call> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (Call call : received) {
                if (wanted.test(call)) {
                    return call;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such call among " + received);
    }

    private List<JsonNode> awaitLog(String webhook, int attempts) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            JsonNode log = desk.admin.get("/api/v2/webhooks/" + webhook + "/invocations").json().get("invocations");
            if (log.size() >= attempts || Instant.now().isAfter(deadline)) {
                assertThat(log.size()).as(log.toString()).isGreaterThanOrEqualTo(attempts);
                return log.valueStream().toList();
            }
            Thread.sleep(50);
        }
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
