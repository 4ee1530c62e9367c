package org.partnerdesk.escalation.ui;

import java.util.Map;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketPagePart;
import org.springframework.stereotype.Component;

/**
 * TKT-9 [004]: the partner's special-process note pinned at the top of every ticket it raised, for agents, so it is read
 * before anyone answers (the internal note SpecialProcessNotes posts scrolls away with the conversation).
 */
@Component
class SpecialProcessPart implements TicketPagePart {

    private final Organizations organizations;

    SpecialProcessPart(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public Slot slot() {
        return Slot.PINNED;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Rendered> render(Actor actor, Ticket ticket) {
        if (!actor.isStaff()) { // TKT-9: notes on special handling are for agents
            return Optional.empty();
        }
        return organizations.specialProcessOfPartnerMember(ticket.submitterId())
                .map(process -> new Rendered("escalation/special-process", Map.of("partner", process.partner(), "text", process.text())));
    }
}
