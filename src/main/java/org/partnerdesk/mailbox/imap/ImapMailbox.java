package org.partnerdesk.mailbox.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.partnerdesk.mailbox.InboundMail;
import org.partnerdesk.mailbox.MailboxSettings;
import org.partnerdesk.mailbox.Polled;
import org.partnerdesk.mailbox.intake.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PO-6: the partner support address over IMAP. Unseen messages are read without marking them (peek), handed to intake
 * one by one, and marked \Seen only once intake has committed; a message read twice (a crash in between, another node)
 * is known by its Message-ID and not processed again.
 */
@Component
public class ImapMailbox {

    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);
    private static final String TIMEOUT_MILLIS = "20000";

    private final MailboxSettings settings;

    ImapMailbox(MailboxSettings settings) {
        this.settings = settings;
    }

    public Polled readUnseen(Function<InboundMail, Receipt> intake) throws MessagingException {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".partialfetch", "false");
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        Session session = Session.getInstance(properties);
        int read = 0, tickets = 0, comments = 0, ignored = 0, failed = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host(), settings.portOrDefault(), settings.user(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] found = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                Message[] unseen = java.util.Arrays.copyOf(found, Math.min(found.length, settings.batchSize()));
                // the whole batch in one command, read from the cache after: a round trip per message or header cost 450 ms a message
                FetchProfile whole = new FetchProfile();
                whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
                whole.add(FetchProfile.Item.ENVELOPE);
                whole.add(FetchProfile.Item.CONTENT_INFO);
                folder.fetch(unseen, whole);
                List<Message> done = new ArrayList<>();
                for (Message message : unseen) {
                    read++;
                    Receipt receipt;
                    try {
                        receipt = intake.apply(MimeReading.read((MimeMessage) message));
                    } catch (MessagingException | java.io.IOException | RuntimeException e) {
                        // left unseen: the next poll tries again (a database outage, say)
                        log.warn("Could not take in message {} of {}: {}", message.getMessageNumber(), settings.name(), e.toString());
                        failed++;
                        continue;
                    }
                    done.add(message);
                    switch (receipt.outcome()) {
                        case TICKET -> tickets++;
                        case COMMENT -> comments++;
                        case IGNORED, DUPLICATE -> ignored++;
                    }
                }
                // in one command after intake committed; a crash before it only makes the next poll find them known
                if (!done.isEmpty()) {
                    folder.setFlags(done.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
                }
            } finally {
                folder.close(false);
            }
        }
        return new Polled(read, tickets, comments, ignored, failed);
    }
}
