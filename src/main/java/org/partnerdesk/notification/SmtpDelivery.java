package org.partnerdesk.notification;

import jakarta.mail.MessagingException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** NTF-1: mail through the configured server, each send bounded by the SMTP timeouts and known to be in flight meanwhile. */
class SmtpDelivery implements MailDelivery {

    private final JavaMailSenderImpl sender;
    private final MailsInFlight inFlight;

    SmtpDelivery(JavaMailSenderImpl sender, MailsInFlight inFlight) {
        this.sender = sender;
        this.inFlight = inFlight;
    }

    @Override
    public void send(OutgoingMail mail) {
        inFlight.start(mail.cause());
        try {
            sender.send(mail.toMime(sender.getSession()));
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build the message " + mail.messageId(), e);
        } finally {
            inFlight.finish(mail.cause());
        }
    }

    @Override
    public String destination() {
        return "sent through " + sender.getHost() + ":" + sender.getPort();
    }
}
