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
 * One message the desk sends, caused by one event. Its Message-ID is derived from that event (a record: equal after the
 * outbox stores and reads it back), the recipients and the subject, so a retry after an unknown outcome sends the same
 * Message-ID and the receiver can recognise the copy (issue #11).
 */
record OutgoingMail(Object cause, String messageId, String from, List<String> to, List<String> cc, String subject, String text,
                    @Nullable String thread) {

    OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    /** A message about {@code cause}; {@code from} names the domain of its Message-ID. */
    static OutgoingMail about(Object cause, String from, List<String> to, List<String> cc, String subject, String text) {
        String id = "<partnerdesk." + stableSuffix(cause, to, cc, subject) + "@" + TicketMessageId.domainOf(from) + ">";
        return new OutgoingMail(cause, id, from, to, cc, subject, text, null);
    }

    /** PO-6: the same, about a ticket: its Message-ID names the ticket and it threads with the ticket's other mail. */
    static OutgoingMail aboutTicket(long ticketId, Object cause, String from, List<String> to, List<String> cc, String subject,
                                    String text) {
        TicketMessageId ticket = TicketMessageId.of(ticketId, from);
        return new OutgoingMail(cause, ticket.message(stableSuffix(cause, to, cc, subject)), from, to, cc, subject, text, ticket.thread());
    }

    /** The MIME message, keeping our Message-ID (JavaMail would otherwise make a new one when it saves the message). */
    MimeMessage toMime(Session session) throws MessagingException {
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
        message.setHeader("Message-ID", messageId);
        if (thread != null) {
            message.setHeader("In-Reply-To", thread);
            message.setHeader("References", thread);
        }
        message.saveChanges();
        return message;
    }

    private static String stableSuffix(Object cause, List<String> to, List<String> cc, String subject) {
        String identity = cause.getClass().getName() + "\n" + cause + "\n" + to + "\n" + cc + "\n" + subject;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
