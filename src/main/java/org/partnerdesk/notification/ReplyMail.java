package org.partnerdesk.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.PublicReplyAdded;
import org.partnerdesk.ticket.TicketDeletions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * NTF-1: a public reply is mailed to the requester (To) and the CCs (Cc), never to its author, in one message so a
 * retry cannot reach half of them twice. A failure leaves the event publication incomplete; {@link OutboxRetry}
 * hands it back later, so a message waits while the mail server is down and is not lost.
 */
@Component
class ReplyMail {

    private static final Logger log = LoggerFactory.getLogger(ReplyMail.class);
    private static final long DESK_AUTHOR = -1; // the desk's own user has an .invalid address and is never mailed anyway

    private final Users users;
    private final TicketDeletions deletions;
    private final MailDelivery mail;
    private final String from;

    ReplyMail(Users users, TicketDeletions deletions, MailDelivery mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.users = users;
        this.deletions = deletions;
        this.mail = mail;
        this.from = from;
    }

    @OutboxListener
    void on(PublicReplyAdded reply) {
        if (deletions.wasDeleted(reply.ticketId())) {
            return; // issue #17 item 5: a reply still in the outbox when its ticket was deleted is mailed to no one
        }
        // issue #19: the requester and every CC in one query, for both parts (was one query per person per part)
        List<Long> people = new ArrayList<>(reply.collaboratorIds());
        people.add(reply.requesterId());
        Map<Long, String> emails = users.findAll(people).stream().collect(Collectors.toMap(User::id, User::email));
        send(reply, "reply", reply.authorId(), reply.body(), emails);
        if (reply.deskReply() != null) { // ENT-5/6/9: the desk's answer to a new ticket, mailed with its opening
            send(reply, "desk-reply", DESK_AUTHOR, reply.deskReply(), emails);
        }
    }

    private void send(PublicReplyAdded reply, String part, long authorId, String body, Map<Long, String> emails) {
        List<String> to = recipients(List.of(reply.requesterId()), authorId, emails);
        List<String> cc = recipients(reply.collaboratorIds(), authorId, emails);
        cc.removeAll(to);
        if (to.isEmpty() && cc.isEmpty()) {
            return;
        }
        List<String> recipients = to.isEmpty() ? cc : to;
        List<String> copies = to.isEmpty() ? List.of() : cc;
        // PO-6: the Message-ID names the ticket, so an answer's In-Reply-To or References threads it there
        mail.send(OutgoingMail.aboutTicket(reply.ticketId(), reply, part, from, recipients, copies,
                "[PartnerDesk #" + reply.ticketId() + "] " + reply.subject(),
                body + "\n\n--\nReply in the portal or to this e-mail; ticket #" + reply.ticketId() + "."));
        log.debug("Mailed the public reply on ticket {} to {} and {}", reply.ticketId(), to, cc);
    }

    private static List<String> recipients(List<Long> userIds, long authorId, Map<Long, String> known) {
        Set<String> emails = new LinkedHashSet<>();
        for (long id : userIds) {
            String email = id == authorId ? null : known.get(id);
            if (email != null && deliverable(email)) {
                emails.add(email);
            }
        }
        return new ArrayList<>(emails);
    }

    // the desk's own user and other placeholders live under .invalid (RFC 2606): never mail them
    private static boolean deliverable(String email) {
        return !email.endsWith(".invalid");
    }
}
