package org.partnerdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ALLIANCE_PARTNER_FORM;
import static org.partnerdesk.Desk.ALLIANCE_TICKET_ID;
import static org.partnerdesk.Desk.CUSTOMER_NAME;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.notification.OutboxRetry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** TKT-8 [004]: escalations reach the alliance partner's #a_ channel through the outbox. The receiver is a stand-in for the chat service. */
// the stand-in chat service listens on loopback, which the desk calls only with this setting (OutboundAddresses)
@TestPropertySource(properties = "partnerdesk.webhooks.allow-internal-addresses=true")
class AllianceChannelTest extends ApiTest {

    @Autowired
    OutboxRetry retry;
    @Autowired
    JdbcClient db;
    @Autowired
    Scheduler scheduler;

    @RegisterExtension
    final ChatStandIn chat = new ChatStandIn();

    @Test
    void escalationNamesThePartnersTicketIdInItsChannel() throws Exception {
        long id = allianceTicket(withChannel(desk.aPartner("alliance")), "ALLY-991");

        Reply posted = desk.agent().api().post("/api/v2/tickets/" + id + "/alliance_messages", """
                {"alliance_message":{"kind":"escalation","text":"Customer down since 09:00"}}""");

        assertThat(posted.status()).isEqualTo(202);
        String message = chat.awaitMessage("Customer down since 09:00");
        assertThat(message).contains("ALLY-991", "PartnerDesk #" + id, "Escalation");
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/comments").text()).contains("Posted to #a_");
    }

    @Test
    void aFailedDeliveryIsRetriedFromTheOutbox() throws Exception {
        long id = allianceTicket(withChannel(desk.aPartner("alliance")), "ALLY-992");
        chat.failNext(1);

        desk.agent().api().post("/api/v2/tickets/" + id + "/alliance_messages", """
                {"alliance_message":{"kind":"information_request","text":"Need the runner logs"}}""");
        Thread.sleep(1000);
        assertThat(chat.received()).noneMatch(m -> m.contains("Need the runner logs"));

        retry.retryNow();

        assertThat(chat.awaitMessage("Need the runner logs")).contains("Request for information", "ALLY-992");
    }

    @Test
    void theRetryJobLeavesAFailureOfAMomentAgoUntilItIsOlderThanTheRetryAge() throws Exception {
        long id = allianceTicket(withChannel(desk.aPartner("alliance")), "ALLY-995");
        chat.failNext(1);

        desk.agent().api().post("/api/v2/tickets/" + id + "/alliance_messages", """
                {"alliance_message":{"kind":"information_request","text":"Which runner version?"}}""");
        awaitFailed("ALLY-995");
        runTheOutboxRetryJob(); // it had resent the failure at once: Modulith's query ignores the age of FAILED rows

        assertThat(chat.calls()).as("the failed attempt only").isEqualTo(1);
        assertThat(chat.received()).noneMatch(m -> m.contains("Which runner version?"));
        retry.retryNow();
        assertThat(chat.awaitMessage("Which runner version?")).contains("ALLY-995");
    }

    @Test
    void aTicketOfAPartnerWithoutChannelIsRefused() {
        Org alliance = desk.aPartner("alliance");
        long id = allianceTicket(alliance, "ALLY-993");

        Reply refused = desk.agent().api().post("/api/v2/tickets/" + id + "/alliance_messages", """
                {"alliance_message":{"kind":"escalation","text":"x"}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/ticket_id/0/error").stringValue()).isEqualTo("TKT-8");
    }

    @Test
    void onlyStaffPostToPartnerChannels() {
        Org alliance = withChannel(desk.aPartner("alliance"));
        long id = allianceTicket(alliance, "ALLY-994");
        String body = "{\"alliance_message\":{\"kind\":\"escalation\",\"text\":\"x\"}}";

        assertThat(desk.anonymous().post("/api/v2/tickets/" + id + "/alliance_messages", body).status()).isEqualTo(401);
        assertThat(desk.stranger().api().post("/api/v2/tickets/" + id + "/alliance_messages", body).status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aCustomer()).api().post("/api/v2/tickets/" + id + "/alliance_messages", body).status())
                .isEqualTo(403);
    }

    @Test
    void chatChannelIsForAlliancePartnersOnly() {
        Org open = desk.aPartner("open");

        Reply refused = desk.admin.put("/api/v2/organizations/" + open.id(), """
                {"organization":{"organization_fields":{"chat_webhook_url":"https://chat.test/hook"}}}""");

        assertThat(refused.status()).isEqualTo(422);
    }

    private Org withChannel(Org alliance) {
        Reply set = desk.admin.put("/api/v2/organizations/" + alliance.id(), """
                {"organization":{"organization_fields":{"chat_webhook_url":"%s"}}}"""
                .formatted(chat.url("/hook")));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return alliance;
    }

    private long allianceTicket(Org alliance, String theirId) {
        Account ally = desk.endUserIn(alliance);
        Reply created = ally.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner offline","comment":{"body":"copied"},"ticket_form_id":%d,
                 "custom_fields":[{"id":%d,"value":"Umbrella Corp"},{"id":%d,"value":"%s"}]}}"""
                .formatted(ALLIANCE_PARTNER_FORM, CUSTOMER_NAME, ALLIANCE_TICKET_ID, theirId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }


    private void awaitFailed(String theirId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (db.sql("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?")
                .param("%" + theirId + "%").query(Long.class).single() == 0) {
            assertThat(Instant.now()).as("the failed delivery of " + theirId + " is recorded").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** One run of the outbox-retry job, as the scheduler makes every partnerdesk.outbox.retry-every. */
    private void runTheOutboxRetryJob() throws InterruptedException {
        Instant before = Instant.now();
        db.sql("update scheduled_tasks set execution_time = now() where task_name = 'outbox-retry'").update();
        scheduler.triggerCheckForDueExecutions();
        Instant deadline = Instant.now().plusSeconds(15);
        while (db.sql("select count(*) from scheduled_tasks where task_name = 'outbox-retry' and last_success >= ?")
                .param(java.sql.Timestamp.from(before)).query(Long.class).single() == 0) {
            assertThat(Instant.now()).as("the outbox-retry job ran").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
