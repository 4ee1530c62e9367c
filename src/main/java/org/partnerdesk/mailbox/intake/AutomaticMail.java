package org.partnerdesk.mailbox.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.partnerdesk.mailbox.InboundMail;

/**
 * PO-6: mail no person wrote never makes a ticket, so two robots cannot answer each other for ever: auto-replies (RFC 3834
 * Auto-Submitted, Precedence, vacation headers), bounces (an empty Return-Path, MAILER-DAEMON, delivery reports) and our own.
 */
final class AutomaticMail {

    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "auto_reply");
    private static final Set<String> BOUNCERS = Set.of("mailer-daemon", "postmaster");

    private AutomaticMail() {
    }

    /** Why this mail is automatic, or empty when a person sent it. {@code own} are the desk's addresses, lower case. */
    static Optional<String> why(InboundMail mail, Set<String> own) {
        if (mail.from() == null) {
            return Optional.of("no sender address");
        }
        String from = mail.from().toLowerCase(Locale.ROOT);
        if (own.contains(from)) {
            return Optional.of("sent from the desk's own address " + from + " (a mail loop)");
        }
        if (mail.autoSubmitted() != null && !firstWord(mail.autoSubmitted()).equals("no")) {
            return Optional.of("Auto-Submitted: " + mail.autoSubmitted().strip());
        }
        if (mail.precedence() != null && AUTOMATIC_PRECEDENCE.contains(firstWord(mail.precedence()))) {
            return Optional.of("Precedence: " + mail.precedence().strip());
        }
        if (mail.hasAutoReplyHeader()) {
            return Optional.of("an auto-reply (X-Autoreply)");
        }
        if (mail.returnPath() != null && mail.returnPath().replaceAll("[<>\\s]", "").isEmpty()) {
            return Optional.of("a bounce (empty Return-Path)");
        }
        if (BOUNCERS.contains(from.substring(0, Math.max(0, from.indexOf('@'))))) {
            return Optional.of("a bounce from " + from);
        }
        if (mail.isDeliveryReport()) {
            return Optional.of("a delivery status report (bounce)");
        }
        return Optional.empty();
    }

    private static String firstWord(String header) {
        String word = header.strip().toLowerCase(Locale.ROOT);
        int end = word.indexOf(';');
        return (end < 0 ? word : word.substring(0, end)).strip();
    }
}
