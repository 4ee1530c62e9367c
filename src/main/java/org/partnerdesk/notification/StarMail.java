package org.partnerdesk.notification;

import java.util.List;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.escalation.StarRaised;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** TKT-7 [003]: the on-call support manager is told of a STAR assigned to them, through the outbox like every mail. */
@Component
class StarMail {

    private final Users users;
    private final MailDelivery mail;
    private final String from;

    StarMail(Users users, MailDelivery mail, @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.users = users;
        this.mail = mail;
        this.from = from;
    }

    @OutboxListener
    void on(StarRaised star) {
        String to = users.find(star.assigneeId()).map(User::email).orElse(null);
        if (to == null) {
            return;
        }
        mail.send(OutgoingMail.about(star, from, List.of(to), List.of(), "[PartnerDesk STAR] ticket #" + star.ticketId() + ", " + star.urgency().replace('_', ' ')
                + ": respond by " + WholeSeconds.of(star.respondBy()),
                "A STAR (support ticket attention request) on ticket #" + star.ticketId() + " is assigned to you.\n\n"
                + "Reason: " + star.reason() + "\nDesired result: " + star.desiredResult() + "\nRespond by: " + WholeSeconds.of(star.respondBy())));
    }
}
