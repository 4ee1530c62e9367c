package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;

/** NTF-1 against a real SMTP server (GreenMail): who gets public replies, and the outbox when SMTP is down. */
class ReplyMailTest extends ApiTest {

    @Autowired
    OutboxRetry retry;

    @Test
    void agentsPublicReplyGoesToTheRequesterAndTheCcs() throws Exception {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        long id = ticketWithCc(ann, bob);
        String reply = Desk.unique("Please send the logs");

        desk.agent().api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"" + reply + "\",\"public\":true}}}");

        MimeMessage mail = awaitMail(reply);
        assertThat(addresses(mail, Message.RecipientType.TO)).containsExactly(ann.email());
        assertThat(addresses(mail, Message.RecipientType.CC)).containsExactly(bob.email());
        assertThat(mail.getSubject()).startsWith("[PartnerDesk #" + id + "]");
    }

    @Test
    void internalNoteIsNeverMailed() throws Exception {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        long id = ticketWithCc(ann, desk.endUserIn(acme));
        String note = Desk.unique("internal only");
        String reply = Desk.unique("public after the note");

        desk.agent().api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"" + note + "\",\"public\":false}}}");
        desk.agent().api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"" + reply + "\",\"public\":true}}}");

        awaitMail(reply);
        assertThat(mailsContaining(note)).isEmpty();
    }

    @Test
    void replyWaitsWhileTheMailServerIsDownAndGoesOutOnceWhenItIsBack() throws Exception {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        long id = ticketWithCc(ann, desk.endUserIn(acme));
        String reply = Desk.unique("sent while SMTP was down");

        MAIL.stop();
        try {
            desk.agent().api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"" + reply + "\",\"public\":true}}}");
            Thread.sleep(1500); // the listener has tried and failed by now
        } finally {
            MAIL.start();
        }
        assertThat(mailsContaining(reply)).isEmpty();

        retry.retryNow();
        awaitMail(reply);
        retry.retryNow();
        Thread.sleep(500);

        assertThat(mailsContaining(reply)).hasSize(1);
    }

    private long ticketWithCc(Account requester, Account cc) {
        return requester.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Mail test","comment":{"body":"opening"},"email_ccs":[{"user_email":"%s"}]}}"""
                .formatted(cc.email())).id("ticket");
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
        var addresses = message.getRecipients(type);
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Object::toString).toList();
    }
}
