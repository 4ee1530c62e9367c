package org.partnerdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ALLIANCE_PARTNER_FORM;
import static org.partnerdesk.Desk.ALLIANCE_TICKET_ID;
import static org.partnerdesk.Desk.CUSTOMER_NAME;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TKT-8, server-side request forgery: in the desk's default settings an alliance partner's chat webhook on an internal
 * address (here loopback) is never called: posting to the channel is refused with the reason, the admin's test message
 * says it was not delivered and why, and a message queued before the address turned internal is dropped.
 */
class ChatWebhookGuardTest extends ApiTest {

    @Autowired
    AllianceChannels channels;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher events;

    @RegisterExtension
    final ChatStandIn chat = new ChatStandIn();

    @Test
    void aChatWebhookOnAnInternalAddressIsNeverCalled() throws Exception {
        Org alliance = desk.aPartner("alliance");
        assertThat(desk.admin.put("/api/v2/organizations/" + alliance.id(), """
                {"organization":{"organization_fields":{"chat_webhook_url":"%s"}}}"""
                .formatted(chat.url("/hook"))).status()).isEqualTo(200);
        Reply created = desk.endUserIn(alliance).api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner offline","comment":{"body":"copied"},"ticket_form_id":%d,
                 "custom_fields":[{"id":%d,"value":"Umbrella Corp"},{"id":%d,"value":"ALLY-SSRF"}]}}"""
                .formatted(ALLIANCE_PARTNER_FORM, CUSTOMER_NAME, ALLIANCE_TICKET_ID));

        Reply posted = desk.agent().api().post("/api/v2/tickets/" + created.id("ticket") + "/alliance_messages", """
                {"alliance_message":{"kind":"escalation","text":"Customer down"}}""");
        ChannelTest test = channels.sendTestMessage(adminActor(), alliance.id());
        Thread.sleep(500);

        assertThat(posted.status()).isEqualTo(422);
        assertThat(posted.at("/details/ticket_id/0/description").stringValue())
                .contains("must not be an internal address", "loopback");
        assertThat(test.isDelivered()).isFalse();
        assertThat(test.outcome()).contains("not sent", "must not be an internal address", "loopback");
        assertThat(chat.calls()).isZero();
    }

    @Test
    void aMessageQueuedBeforeItsWebhookTurnedInternalIsDroppedNotCalledNorRetried() throws Exception {
        String text = Desk.unique("Queued while the address was public");

        // as if posted while the webhook's name still resolved to a public address: the post's own check had passed
        transaction.executeWithoutResult(status -> events.publishEvent(
                new AllianceMessageRequested(1, "Umbrella Cloud", "ALLY-QUEUED", "escalation", text, chat.url("/hook"))));

        long waiting = Long.MAX_VALUE;
        for (int tries = 0; tries < 100 && waiting > 0; tries++) {
            Thread.sleep(50);
            waiting = db.sql("select count(*) from event_publication where serialized_event like ?")
                    .param("%" + text + "%").query(Long.class).single();
        }
        assertThat(waiting).as("the publication is completed, not left failed for the retry job").isZero();
        assertThat(chat.calls()).isZero();
    }

    private Actor adminActor() {
        long id = db.sql("select id from users where lower(email) = lower(?)").param(ADMIN_EMAIL).query(Long.class).single();
        return new Actor(id, ADMIN_EMAIL, Role.ADMIN, null, Set.of());
    }
}
