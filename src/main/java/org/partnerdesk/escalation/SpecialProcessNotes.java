package org.partnerdesk.escalation;

import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.TicketCreated;
import org.partnerdesk.ticket.Tickets;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** TKT-9 [004]: a partner's special handling is put in front of the agents on every ticket that partner opens. */
@Component
class SpecialProcessNotes {

    private final Users users;
    private final Organizations organizations;
    private final Tickets tickets;

    SpecialProcessNotes(Users users, Organizations organizations, Tickets tickets) {
        this.users = users;
        this.organizations = organizations;
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(TicketCreated created) {
        users.find(created.submitterId())
                .map(User::organizationId)
                .flatMap(id -> id == null ? java.util.Optional.<Organization>empty() : organizations.find(id))
                .filter(partner -> partner.isPartner() && partner.specialProcess() != null)
                .ifPresent(partner -> tickets.addInternalNote(created.ticketId(), null,
                        "Special process for " + partner.name() + " (TKT-9): " + partner.specialProcess()));
    }
}
