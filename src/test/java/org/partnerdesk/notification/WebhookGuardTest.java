package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 item 7, in the desk's default settings (no {@code partnerdesk.webhooks.allow-internal-addresses}): a webhook whose
 * endpoint turns internal after it was saved is not called, the refusal is in its delivery log; and while no webhook is
 * active a ticket write does not read the webhooks at all.
 */
class WebhookGuardTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Autowired
    DataSource dataSource;

    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer receiver;
    private String webhook;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        if (webhook != null) {
            desk.admin.delete("/api/v2/webhooks/" + webhook);
        }
        receiver.stop(0);
    }

    @Test
    void anEndpointThatTurnedInternalAfterItWasSavedIsNotCalledAndTheRefusalIsLogged() throws Exception {
        Reply created = desk.admin.post("/api/v2/webhooks", """
                {"webhook":{"name":"CRM","endpoint":"https://crm.example.test/zendesk","status":"active",
                 "subscriptions":["zen:event-type:ticket.created"]}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        webhook = created.at("/webhook/id").stringValue();
        // what a DNS change would do: the name an admin saved now leads to loopback
        db.sql("update webhooks set endpoint = ? where id = ?").params("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                Long.parseLong(webhook)).update();

        long ticket = ticket(desk.agent(), "Metadata please");

        JsonNode logged = awaitLog(webhook);
        assertThat(logged.at("/status").stringValue()).isEqualTo("failed");
        assertThat(logged.at("/ticket_id").longValue()).isEqualTo(ticket);
        assertThat(logged.at("/status_code").isNull()).isTrue();
        assertThat(logged.at("/error").stringValue()).contains("internal address").contains("127.0.0.1").contains("loopback");
        Thread.sleep(300);
        assertThat(calls.get()).as("the receiver on loopback was never called").isZero();
    }

    @Test
    void whileNoWebhookIsActiveATicketWriteDoesNotReadTheWebhooks() throws Exception {
        assertThat(db.sql("select count(*) from webhooks where status = 'active'").query(Long.class).single())
                .as("no other test left an active webhook").isZero();
        Account agent = desk.agent();
        long ticket = ticket(agent, "Quiet desk");
        agent.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"priority":"high"}}""");

        // the table locked against every read: a write that looked the webhooks up would wait for the lock
        try (Connection locking = dataSource.getConnection()) {
            locking.setAutoCommit(false);
            try (Statement lock = locking.createStatement()) {
                lock.execute("lock table webhooks in access exclusive mode");
                CompletableFuture<Reply> write = CompletableFuture.supplyAsync(() -> agent.api().put("/api/v2/tickets/" + ticket, """
                        {"ticket":{"status":"pending","comment":{"body":"Any news?"}}}"""));
                Reply written = write.get(4, TimeUnit.SECONDS);
                assertThat(written.status()).as(written.toString()).isEqualTo(200);
            } finally {
                locking.rollback();
            }
        }
    }

    private long ticket(Account agent, String subject) {
        Account ann = desk.endUserIn(desk.aCustomer());
        Reply opened = agent.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","requester_id":%d,"ticket_form_id":%d,"comment":{"body":"It happened again."}}}"""
                .formatted(subject, ann.id(), SUPPORT_FORM));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.id("ticket");
    }

    private JsonNode awaitLog(String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            JsonNode log = desk.admin.get("/api/v2/webhooks/" + id + "/invocations").json().get("invocations");
            if (!log.isEmpty() || Instant.now().isAfter(deadline)) {
                assertThat(log.size()).as(log.toString()).isGreaterThanOrEqualTo(1);
                return log.get(0);
            }
            Thread.sleep(50);
        }
    }
}
