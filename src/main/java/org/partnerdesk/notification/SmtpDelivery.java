package org.partnerdesk.notification;

import jakarta.mail.MessagingException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** NTF-1: mail through the configured server, each send bounded by the SMTP timeouts and known to be in flight meanwhile. */
class SmtpDelivery implements MailDelivery {

    private final JavaMailSenderImpl sender;
    private final MailsInFlight inFlight;
    private final StoredEvents events;

    SmtpDelivery(JavaMailSenderImpl sender, MailsInFlight inFlight, StoredEvents events) {
        this.sender = sender;
        this.inFlight = inFlight;
        this.events = events;
    }

    @Override
    public void send(OutgoingMail mail) {
        String messageId = mail.messageId(events.identity(mail.cause()));
        inFlight.start(mail.cause());
        try {
            sender.send(mail.toMime(sender.getSession(), messageId));
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build the message " + messageId, e);
        } finally {
            inFlight.finish(mail.cause());
        }
    }

    @Override
    public String destination() {
        return "sent through " + sender.getHost() + ":" + sender.getPort();
    }
}
