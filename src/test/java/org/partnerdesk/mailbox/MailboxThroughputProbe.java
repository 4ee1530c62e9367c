package org.partnerdesk.mailbox;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A measurement, not a test (not run by {@code mvn verify}): 200 mails, half from a known partner, half from unknown
 * senders, taken in through GreenMail's IMAP. {@code mvn -o test -Dtest=MailboxThroughputProbe}; figures in docs/benchmarks.md.
 */
class MailboxThroughputProbe extends ApiTest {

    @Autowired
    PartnerMailbox mailbox;

    @Test
    void takeInTwoHundredMails() throws Exception {
        Session session = Session.getInstance(new Properties());
        Desk.Account sam = desk.endUserIn(desk.aPartner("open"));
        while (mailbox.poll().read() > 0) {
            // start from an empty mailbox
        }
        for (int i = 0; i < 200; i++) {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(i % 2 == 0 ? sam.email() : Desk.unique("u").toLowerCase() + "@new.test"));
            mail.setRecipients(Message.RecipientType.TO, PARTNER_MAILBOX);
            mail.setSubject("Question " + i);
            mail.setText("Body " + i);
            mail.saveChanges();
            MAIL.getUserManager().getUserByEmail(PARTNER_MAILBOX).deliver(mail);
        }
        mailbox.poll(); // warm-up: the first batch
        long start = System.nanoTime();
        int read = 0;
        for (Polled polled = mailbox.poll(); polled.read() > 0; polled = mailbox.poll()) {
            read += polled.read();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("PROBE partner mailbox: %d messages in %d ms, %.1f ms a message%n", read, millis, (double) millis / read);
    }
}
