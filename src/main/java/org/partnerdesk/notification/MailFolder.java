package org.partnerdesk.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.partnerdesk.notification.persistence.StoredOutgoingMails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;

/**
 * Issue #12: with no mail server configured, every outgoing mail is kept, like the embedded database: an .eml file under
 * {@code PARTNERDESK_DATA_DIR/mail} and a row an admin lists at {@code /api/v2/outgoing_mails}. Kept once per Message-ID,
 * so an outbox retry does not keep a second copy.
 */
class MailFolder implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailFolder.class);

    private final Path folder;
    private final StoredOutgoingMails stored;
    private final StoredEvents events;
    private final Session session = Session.getInstance(new Properties());

    MailFolder(Path folder, StoredOutgoingMails stored, StoredEvents events) {
        this.folder = folder.toAbsolutePath().normalize();
        this.stored = stored;
        this.events = events;
    }

    @Override
    public void send(OutgoingMail mail) {
        String messageId = mail.messageId(events.identity(mail.cause()));
        String fileName = messageId.replaceAll("[^A-Za-z0-9.@-]", "").replace('@', '_') + ".eml";
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".kept-", ".eml");
            try (OutputStream out = Files.newOutputStream(temp)) {
                mail.toMime(session, messageId).writeTo(out);
            }
            Files.move(temp, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the mail " + messageId + " in " + folder, e);
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build the message " + messageId, e);
        }
        if (stored.keep(messageId, mail.from(), mail.to(), mail.cc(), mail.subject(), mail.text(), fileName)) {
            log.info("Kept mail to {} \"{}\" in {} (no mail server is set: PARTNERDESK_SMTP_HOST)", mail.to(), mail.subject(),
                    folder.resolve(fileName));
        }
    }

    @Override
    public String destination() {
        return "kept in " + folder + " (no PARTNERDESK_SMTP_HOST), listed at /api/v2/outgoing_mails";
    }

    Path folder() {
        return folder;
    }
}
