package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.sla.Slas;
import org.springframework.beans.factory.annotation.Autowired;

/** TKT-4: a breached reply clock is mailed, through the outbox, to whoever works the ticket (GreenMail). */
class BreachMailTest extends ApiTest {

    @Autowired
    Slas slas;

    @Test
    void theAssigneeIsToldWhichTicketAndMetricBreachedAndWhenItWasDue() throws Exception {
        Account agent = desk.agent();
        String subject = Desk.unique("Pipeline stuck");
        long id = urgentTicket(subject);
        Reply assigned = desk.admin.put("/api/v2/tickets/" + id, """
                {"ticket":{"assignee_id":%d}}""".formatted(agent.id()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        Instant due = firstReplyDue(id);

        slas.markBreaches(due.plus(Duration.ofDays(500)));

        MimeMessage mail = awaitMail(subject);
        assertThat(addresses(mail)).containsExactly(agent.email());
        assertThat(mail.getSubject()).isEqualTo("[PartnerDesk #" + id + "] SLA breached: first reply time was due " + due);
        assertThat(String.valueOf(mail.getContent())).contains("ticket #" + id, "first reply time", "due at " + due);
    }

    @Test
    void anUnassignedTicketsBreachGoesToEveryoneInItsGroupOnce() throws Exception {
        Account ann = desk.agent();
        Account bob = desk.agent();
        desk.addToGroup(ann, "Licensing");
        desk.addToGroup(bob, "Licensing");
        String subject = Desk.unique("Renewal quote");
        long id = urgentTicket(subject);
        Reply grouped = desk.admin.put("/api/v2/tickets/" + id, """
                {"ticket":{"group_id":%d,"assignee_id":null}}""".formatted(desk.groupId("Licensing")));
        assertThat(grouped.status()).as(grouped.toString()).isEqualTo(200);
        Instant due = firstReplyDue(id);

        slas.markBreaches(due.plus(Duration.ofDays(500)));
        slas.markBreaches(due.plus(Duration.ofDays(501)));

        MimeMessage mail = awaitMail(subject);
        assertThat(addresses(mail)).contains(ann.email(), bob.email());
        Thread.sleep(500);
        assertThat(mailsContaining(subject)).hasSize(1);
    }

    private long urgentTicket(String subject) {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Reply created = desk.endUserIn(acme).api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"Nothing runs"},"ticket_form_id":%d,"priority":"urgent"}}"""
                .formatted(subject, SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    private Instant firstReplyDue(long id) {
        Reply reply = desk.admin.get("/api/v2/tickets/" + id + "?include=slas");
        return Instant.parse(reply.at("/ticket/slas/policy_metrics/0/breach_at").stringValue());
    }

    private static List<String> addresses(MimeMessage message) throws Exception {
        var addresses = message.getRecipients(Message.RecipientType.TO);
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Object::toString).toList();
    }
}
