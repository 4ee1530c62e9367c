package org.partnerdesk.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.partnerdesk.api.OutboxListener;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.sla.SlaBreached;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * TKT-4: whoever works a ticket hears that one of its reply clocks ran out: the assignee, else everyone in the ticket's
 * group, else the support managers (SPEC and DOMAIN-FACTS name nobody; the queue's owners are the closest). One message
 * per breach, through the outbox like every mail.
 */
@Component
class BreachMail {

    private static final Logger log = LoggerFactory.getLogger(BreachMail.class);

    private final Tickets tickets;
    private final Users users;
    private final Groups groups;
    private final MailDelivery mail;
    private final String from;

    BreachMail(Tickets tickets, Users users, Groups groups, MailDelivery mail,
               @Value("${partnerdesk.mail.from:support@partnerdesk.test}") String from) {
        this.tickets = tickets;
        this.users = users;
        this.groups = groups;
        this.mail = mail;
        this.from = from;
    }

    @OutboxListener
    void on(SlaBreached breach) {
        Ticket ticket = tickets.find(breach.ticketId()).orElse(null);
        if (ticket == null) {
            return;
        }
        List<String> to = recipients(ticket);
        if (to.isEmpty()) {
            log.warn("Nobody to tell of the {} breach on ticket {}", breach.metric(), ticket.id());
            return;
        }
        String metric = breach.metric().replace('_', ' ');
        Instant due = breach.breachAt().truncatedTo(ChronoUnit.SECONDS); // whole seconds, as the API shows due times
        mail.send(OutgoingMail.about(breach, from, to, List.of(), "[PartnerDesk #" + ticket.id() + "] SLA breached: " + metric + " was due " + due,
                "The " + metric + " target of ticket #" + ticket.id() + " \"" + ticket.subject() + "\" was due at "
                + due + " (UTC) and has passed without a reply (TKT-4).\n\n"
                + (ticket.assigneeId() != null ? "You are the ticket's assignee." : ticket.groupId() != null
                        ? "The ticket is unassigned; you are in its group." : "The ticket has no assignee and no group.")
                + "\n\n--\nTicket #" + ticket.id() + " in PartnerDesk."));
    }

    private List<String> recipients(Ticket ticket) {
        if (ticket.assigneeId() != null) {
            return users.find(ticket.assigneeId()).map(User::email).stream().toList();
        }
        List<User> members = ticket.groupId() != null ? groups.members(ticket.groupId()) : groups.membersOf(Groups.SUPPORT_MANAGERS);
        return members.stream().map(User::email).distinct().toList();
    }
}
