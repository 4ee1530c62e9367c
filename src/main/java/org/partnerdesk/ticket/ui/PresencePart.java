package org.partnerdesk.ticket.ui;

import java.util.Map;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.console.Presence;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketPagePart;
import org.springframework.stereotype.Component;

/**
 * UI-1 collision, pinned above the conversation: who else is on this ticket ("Sue is viewing", "Sue is replying"),
 * kept live by the page's event stream, and a notice when someone else changes the ticket.
 */
@Component
class PresencePart implements TicketPagePart {

    private final Presence presence;

    PresencePart(Presence presence) {
        this.presence = presence;
    }

    @Override
    public Slot slot() {
        return Slot.PINNED;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<Rendered> render(Actor actor, Ticket ticket) {
        if (!actor.isStaff()) {
            return Optional.empty();
        }
        return Optional.of(new Rendered("ticket/presence", Map.of("ticketId", ticket.id(),
                "others", presence.othersOn(ticket.id(), actor.userId()))));
    }
}
