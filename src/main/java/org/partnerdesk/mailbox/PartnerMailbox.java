package org.partnerdesk.mailbox;

import jakarta.mail.MessagingException;
import org.partnerdesk.mailbox.imap.ImapMailbox;
import org.partnerdesk.mailbox.intake.MailIntake;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** PO-6 [003]: the partner mailbox's face: one poll reads the unseen mail and takes in each message once. */
@Service
@EnableConfigurationProperties(MailboxSettings.class)
public class PartnerMailbox {

    private final MailboxSettings settings;
    private final ImapMailbox imap;
    private final MailIntake intake;

    PartnerMailbox(MailboxSettings settings, ImapMailbox imap, MailIntake intake) {
        this.settings = settings;
        this.imap = imap;
        this.intake = intake;
    }

    /** Reads what arrived since the last poll; nothing when the mailbox is not configured. */
    public Polled poll() throws MessagingException {
        if (!settings.isConfigured()) {
            return new Polled(0, 0, 0, 0, 0);
        }
        return imap.readUnseen(mail -> intake.receive(mail, settings.name()));
    }

    public boolean isConfigured() {
        return settings.isConfigured();
    }
}
