package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #11 item 1: an Idempotency-Key survives a node that dies mid-request, with its ticket made once (API-1). */
@Import(IdempotencyAfterCrashTest.Hook.class)
class IdempotencyAfterCrashTest extends ApiTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Hook {
        @Bean
        NodeDeathHook nodeDeathHook(DataSource dataSource) {
            return new NodeDeathHook(dataSource);
        }
    }

    @Autowired
    JdbcClient db;

    @Test
    void aRetryAfterTheNodeDiedBeforeStoringTheAnswerCreatesTheTicketOnce() {
        Account customer = desk.endUserIn(desk.aCustomer());
        String subject = Desk.unique("Runner crashes");
        ApiClient keyed = customer.api().withHeader("Idempotency-Key", Desk.unique("key"));

        Reply died = keyed.withHeader(NodeDeathHook.HEADER, "dies-after-handler").post("/api/v2/tickets", ticket(subject));
        Reply retry = keyed.post("/api/v2/tickets", ticket(subject));
        Reply again = keyed.post("/api/v2/tickets", ticket(subject));

        assertThat(died.status()).isGreaterThanOrEqualTo(500);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("x-idempotency-lookup")).isEqualTo("miss");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("x-idempotency-lookup")).isEqualTo("hit");
        assertThat(again.id("ticket")).isEqualTo(retry.id("ticket"));
        assertThat(ticketsWithSubject(subject)).isEqualTo(1);
    }

    @Test
    void aKeyAnEarlierVersionLeftInProgressIsTakenOverAtOnce() {
        Account customer = desk.endUserIn(desk.aCustomer());
        String key = Desk.unique("key");
        db.sql("insert into idempotent_requests (user_id, idem_key, request_hash) values (?, ?, ?)")
                .params(customer.id(), key, new byte[32]).update();
        String subject = Desk.unique("Runner crashes");

        Reply retry = customer.api().withHeader("Idempotency-Key", key).post("/api/v2/tickets", ticket(subject));

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(ticketsWithSubject(subject)).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsWaitsForItAndReplaysItsAnswer() throws Exception {
        Account customer = desk.endUserIn(desk.aCustomer());
        String subject = Desk.unique("Runner crashes");
        ApiClient keyed = customer.api().withHeader("Idempotency-Key", Desk.unique("key"));

        NodeDeathHook.slowAnswered = new CountDownLatch(1);
        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(
                () -> keyed.withHeader(NodeDeathHook.HEADER, "slow").post("/api/v2/tickets", ticket(subject)));
        assertThat(NodeDeathHook.slowAnswered.await(30, TimeUnit.SECONDS)).isTrue();
        Reply retry = keyed.post("/api/v2/tickets", ticket(subject));

        assertThat(first.get().status()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("x-idempotency-lookup")).isEqualTo("hit");
        assertThat(retry.id("ticket")).isEqualTo(first.get().id("ticket"));
        assertThat(ticketsWithSubject(subject)).isEqualTo(1);
    }

    private long ticketsWithSubject(String subject) {
        return db.sql("select count(*) from tickets where subject = ?").param(subject).query(Long.class).single();
    }

    private static String ticket(String subject) {
        return """
                {"ticket":{"subject":"%s","comment":{"body":"Every job fails"},"ticket_form_id":%d}}""".formatted(subject, SUPPORT_FORM);
    }
}
