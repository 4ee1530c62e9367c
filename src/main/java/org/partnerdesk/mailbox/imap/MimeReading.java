package org.partnerdesk.mailbox.imap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.mailbox.InboundMail;
import org.partnerdesk.mailbox.MailAttachment;

/** Reads what intake needs from a MIME message: sender, subject, the text, threading headers, Cc and attached files. */
final class MimeReading {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private MimeReading() {
    }

    static InboundMail read(MimeMessage message) throws MessagingException, IOException {
        String subject = message.getSubject() == null ? "" : message.getSubject();
        String body = text(message);
        String from = sender(message);
        String messageId = message.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            // no Message-ID: one of our own from what the message says, so a second reading is still known
            messageId = "<" + sha256(from + "\n" + message.getHeader("Date", null) + "\n" + subject + "\n" + body) + "@partnerdesk.mailbox>";
        }
        return new InboundMail(messageId.strip(), from, subject, body, ids(message.getHeader("In-Reply-To", " ")),
                ids(message.getHeader("References", " ")), message.getHeader("Auto-Submitted", null),
                message.getHeader("Precedence", null), message.getHeader("Return-Path", null),
                message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null,
                message.isMimeType("multipart/report"), cc(message), attachments(message));
    }

    private static List<String> cc(MimeMessage message) {
        try {
            Address[] cc = message.getRecipients(Message.RecipientType.CC);
            List<String> addresses = new ArrayList<>();
            for (Address address : cc == null ? new Address[0] : cc) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                    addresses.add(internet.getAddress());
                }
            }
            return addresses;
        } catch (MessagingException malformed) {
            return List.of(); // a Cc header that does not parse adds no one
        }
    }

    /** Every part that names a file (attached or inline), read lazily from the fetched message. */
    private static List<MailAttachment> attachments(Part part) throws MessagingException, IOException {
        List<MailAttachment> files = new ArrayList<>();
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                files.addAll(attachments(multipart.getBodyPart(i)));
            }
        } else if (part instanceof BodyPart body && (body.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition()))) {
            String type = body.getContentType() == null ? null : body.getContentType().split(";", 2)[0].strip();
            files.add(new MailAttachment(fileName(body), type, () -> {
                try {
                    return body.getInputStream();
                } catch (MessagingException e) {
                    throw new IOException(e);
                }
            }));
        }
        return files;
    }

    private static String fileName(BodyPart part) throws MessagingException {
        String raw = part.getFileName();
        if (raw == null) {
            return "attachment";
        }
        try {
            return MimeUtility.decodeText(raw); // RFC 2047 encoded words, which many clients still send
        } catch (java.io.UnsupportedEncodingException e) {
            return raw;
        }
    }

    private static @Nullable String sender(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
                return null;
            }
            return address.getAddress();
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static List<String> ids(@Nullable String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    /** The plain text, else the HTML without its tags; parts that are attachments are skipped. */
    private static String text(Part part) throws MessagingException, IOException {
        String plain = first(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = first(part, "text/html");
        return html == null ? "" : html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "").replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                .replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static @Nullable String first(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String text ? text : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = first(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
