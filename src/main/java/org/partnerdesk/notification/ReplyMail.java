package org.partnerdesk.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.PublicReplyAdded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * NTF-1: a public reply is mailed to the requester (To) and the CCs (Cc), never to its author, in one message so a
 * retry cannot reach half of them twice. A failure leaves the event publication incomplete; {@link OutboxRetry}
 * hands it back later, so a message waits while the mail server is down and is not lost.
 */
@Component
@ConditionalOnProperty("spring.mail.host") // without a mail server there is nothing to deliver, and nothing to keep in the outbox
class ReplyMail {

    private static final Logger log = LoggerFactory.getLogger(ReplyMail.class);

    private final Users users;
    private final JavaMailSender mail;
    private final String from;

    ReplyMail(Users users, JavaMailSender mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.users = users;
        this.mail = mail;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(PublicReplyAdded reply) throws MessagingException {
        List<String> to = recipients(List.of(reply.requesterId()), reply.authorId());
        List<String> cc = recipients(reply.collaboratorIds(), reply.authorId());
        cc.removeAll(to);
        if (to.isEmpty() && cc.isEmpty()) {
            return;
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        if (to.isEmpty()) {
            helper.setTo(cc.toArray(String[]::new));
        } else {
            helper.setTo(to.toArray(String[]::new));
            helper.setCc(cc.toArray(String[]::new));
        }
        helper.setSubject("[PartnerDesk #" + reply.ticketId() + "] " + reply.subject());
        helper.setText(reply.body() + "\n\n--\nReply in the portal or to this e-mail; ticket #" + reply.ticketId() + ".");
        // PO-6: an answer's In-Reply-To or References names the ticket, so the partner mailbox threads it there
        TicketMessageId id = TicketMessageId.of(reply.ticketId(), from);
        message.setHeader("Message-ID", id.fresh());
        message.setHeader("In-Reply-To", id.thread());
        message.setHeader("References", id.thread());
        mail.send(message);
        log.debug("Mailed the public reply on ticket {} to {} and {}", reply.ticketId(), to, cc);
    }

    private List<String> recipients(List<Long> userIds, long authorId) {
        Set<String> emails = new LinkedHashSet<>();
        for (long id : userIds) {
            if (id != authorId) {
                users.find(id).map(User::email).filter(ReplyMail::deliverable).ifPresent(emails::add);
            }
        }
        return new ArrayList<>(emails);
    }

    // the desk's own user and other placeholders live under .invalid (RFC 2606): never mail them
    private static boolean deliverable(String email) {
        return !email.endsWith(".invalid");
    }
}
