package org.partnerdesk.notification;

import java.util.List;
import java.util.Optional;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.identity.PasswordResetRequested;
import org.partnerdesk.identity.PasswordResets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * UI-1 "Forgot password?": the link to set a new password, through the outbox. The token is minted here, at each attempt,
 * like the PO-2 invitation's: after a failed send the retry mints another, so only the token that went out works.
 */
@Component
class PasswordResetMail {

    private final PasswordResets resets;
    private final MailDelivery mail;
    private final String from;

    PasswordResetMail(PasswordResets resets, MailDelivery mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.resets = resets;
        this.mail = mail;
        this.from = from;
    }

    @OutboxListener
    void on(PasswordResetRequested reset) {
        Optional<String> token = resets.mintToken(reset.resetId());
        if (token.isEmpty()) {
            return; // used, replaced by a newer link, or expired before the mail could go: nothing worth sending
        }
        mail.send(OutgoingMail.about(reset, from, List.of(reset.email()), List.of(), "[PartnerDesk] Set a new password",
                "Hello " + reset.name() + ",\n\nSomeone, probably you, asked for a new password for your PartnerDesk account.\n\n"
                + "Set a new password here:\n" + resets.link(token.get()) + "\n\n"
                + "The link works once and expires at " + WholeSeconds.of(reset.expiresAt()) + ". Setting a new password signs"
                + " you out everywhere.\n\nIf it was not you, ignore this mail: your password stays as it is."));
    }
}
