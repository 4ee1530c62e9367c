package org.partnerdesk.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Sends one partner-operations message, to people named by user id (the NFR mails) or to one address (PO-1, PO-2). */
@Component
class PartnerMail {

    private final Users users;
    private final MailDelivery mail;
    private final String from;

    PartnerMail(Users users, MailDelivery mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.users = users;
        this.mail = mail;
        this.from = from;
    }

    /** One message to all of them (To), so a retry cannot reach half of them twice; nobody deliverable, no message. */
    void send(Object cause, Collection<Long> userIds, String subject, String text) {
        Set<String> to = new LinkedHashSet<>();
        for (long id : userIds) {
            users.find(id).map(User::email).filter(email -> !email.endsWith(".invalid")).ifPresent(to::add);
        }
        if (to.isEmpty()) {
            return;
        }
        send(cause, List.copyOf(to), subject, text + "\n\n--\nPartnerDesk partner operations");
    }

    /** To someone who may not be a user yet (PO-1 applicant, PO-2 requester), greeted by name. */
    void send(Object cause, String email, String name, String subject, String text) {
        send(cause, List.of(email), subject, "Hello " + name + ",\n\n" + text + "\n\n--\nPartner Operations");
    }

    private void send(Object cause, List<String> to, String subject, String text) {
        mail.send(OutgoingMail.about(cause, from, to, List.of(), subject, text));
    }
}
