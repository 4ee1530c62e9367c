package org.partnerdesk.ticket.ui;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.sla.Slas;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketPagePart;
import org.springframework.stereotype.Component;

/**
 * UI-1 agent ticket page, SPEC 2: the entitlement card: served under, support level, tier, SLA clocks, flags and the rule
 * that decided, with "Why?" opening the trace in words and the way to correct the requester (ENT-8).
 */
@Component
class EntitlementCard implements TicketPagePart {

    private final DecisionInWords words;
    private final Slas slas;
    private final Clock clock;

    EntitlementCard(DecisionInWords words, Slas slas, Clock clock) {
        this.words = words;
        this.slas = slas;
        this.clock = clock;
    }

    @Override
    public Slot slot() {
        return Slot.SUMMARY;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Rendered> render(Actor actor, Ticket ticket) {
        if (!actor.isStaff()) { // SPEC 2: the decision names customers' plans; it is for staff (Tickets.entitlement)
            return Optional.empty();
        }
        return Optional.of(new Rendered("ticket/entitlement", Map.of(
                "ticketId", ticket.id(),
                "decision", words.describe(ticket.entitlement()),
                "clocks", SlaInWords.of(slas.metrics(ticket.id()), clock.instant()))));
    }
}
