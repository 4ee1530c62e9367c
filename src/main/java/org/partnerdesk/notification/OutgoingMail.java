package org.partnerdesk.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * One message the desk sends, caused by one event (its {@code cause}). Its Message-ID is derived from that event as the
 * outbox stores it, the recipients and the subject, so a retry after an unknown outcome sends the same Message-ID and
 * the receiver can recognise the copy (issue #11).
 */
record OutgoingMail(Object cause, String part, @Nullable Long ticketId, String from, List<String> to, List<String> cc,
                    String subject, String text) {

    // issue #19: Jakarta Mail 2.1 finds its StreamProvider through ServiceLoader for every part it writes, scanning the
    // class path each time (jakartaee/mail-api#861): 12 % of the desk's CPU at intake. Named, it is one loaded-class lookup.
    static {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    /** A message about {@code cause}. */
    static OutgoingMail about(Object cause, String from, List<String> to, List<String> cc, String subject, String text) {
        return new OutgoingMail(cause, "", null, from, to, cc, subject, text);
    }

    /**
     * PO-6: the same, about a ticket: its Message-ID names the ticket and it threads with the ticket's other mail.
     * {@code part} tells apart the mails one event causes.
     */
    static OutgoingMail aboutTicket(long ticketId, Object cause, String part, String from, List<String> to, List<String> cc,
                                    String subject, String text) {
        return new OutgoingMail(cause, part, ticketId, from, to, cc, subject, text);
    }

    /** The Message-ID, given the cause as the outbox stores it ({@link StoredEvents#identity}). */
    String messageId(String causeIdentity) {
        String suffix = stableSuffix(causeIdentity + "\n" + part + "\n" + to + "\n" + cc + "\n" + subject);
        return ticketId == null ? "<partnerdesk." + suffix + "@" + TicketMessageId.domainOf(from) + ">"
                : TicketMessageId.of(ticketId, from).message(suffix);
    }

    /** The MIME message with that Message-ID (JavaMail would otherwise make a new one when it saves the message). */
    MimeMessage toMime(Session session, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(",", to)));
        if (!cc.isEmpty()) {
            message.setRecipients(MimeMessage.RecipientType.CC, InternetAddress.parse(String.join(",", cc)));
        }
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        if (ticketId != null) {
            String thread = TicketMessageId.of(ticketId, from).thread();
            message.setHeader("In-Reply-To", thread);
            message.setHeader("References", thread);
        }
        message.saveChanges();
        return message;
    }

    private static String stableSuffix(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
