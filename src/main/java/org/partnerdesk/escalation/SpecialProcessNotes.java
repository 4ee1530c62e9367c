package org.partnerdesk.escalation;

import org.partnerdesk.directory.Organizations;
import org.partnerdesk.ticket.TicketCreated;
import org.partnerdesk.ticket.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * TKT-9 [004]: a partner's special handling is put in front of the agents on every ticket that partner opens.
 * It runs inside the intake transaction (one indexed query; a note only when there is a process), so the note is
 * there when the ticket is, and intake writes no outbox entry for it.
 */
@Component
class SpecialProcessNotes {

    private final Organizations organizations;
    private final Tickets tickets;

    SpecialProcessNotes(Organizations organizations, Tickets tickets) {
        this.organizations = organizations;
        this.tickets = tickets;
    }

    @EventListener
    void on(TicketCreated created) {
        organizations.specialProcessOfPartnerMember(created.submitterId())
                .ifPresent(process -> tickets.addInternalNote(created.ticketId(), null,
                        "Special process for " + process.partner() + " (TKT-9): " + process.text()));
    }
}
