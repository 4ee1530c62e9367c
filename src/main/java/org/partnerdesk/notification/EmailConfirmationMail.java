package org.partnerdesk.notification;

import java.util.Optional;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.partnerops.AddressConfirmations;
import org.partnerdesk.partnerops.EmailConfirmationRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * #10 items 1, 2: asks the owner of an address to confirm a request made in its name without a sign-in, through the
 * outbox. The token is minted here, at each attempt, like the invitation's; a mail nobody confirms changes nothing.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class EmailConfirmationMail {

    private final AddressConfirmations confirmations;
    private final JavaMailSender mail;
    private final String from;

    EmailConfirmationMail(AddressConfirmations confirmations, JavaMailSender mail,
                          @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.confirmations = confirmations;
        this.mail = mail;
        this.from = from;
    }

    @OutboxListener
    void on(EmailConfirmationRequested request) {
        Optional<String> token = confirmations.mintToken(request.confirmationId());
        if (token.isEmpty()) {
            return; // confirmed or expired before the mail could go: nothing worth sending
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(request.email());
        message.setSubject("[PartnerDesk] Please confirm your e-mail address");
        message.setText("Hello " + request.name() + ",\n\n" + request.request() + "\n\n"
                + "If it was you, confirm it here:\n" + confirmations.link(token.get()) + "\n\n"
                + "Or with the API: POST /api/v2/email_confirmations/confirm\n"
                + "{\"email_confirmation\":{\"token\":\"" + token.get() + "\"}}\n\n"
                + "If it was not you, ignore this mail: nothing happens without your confirmation, and nothing in your account"
                + " changes. The link works once and expires at " + request.expiresAt() + ".");
        mail.send(message);
    }
}
