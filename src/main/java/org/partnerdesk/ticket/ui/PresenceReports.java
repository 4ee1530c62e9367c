package org.partnerdesk.ticket.ui;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.console.Presence;
import org.partnerdesk.ticket.Tickets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * UI-1 collision: an open ticket page says "I'm viewing" about every 20 s, "I'm replying" while its composer is typed
 * in, and "gone" when it closes ({@code static/assets/live.js}); colleagues on the ticket see it live.
 */
@ConsolePage
class PresenceReports {

    private final Tickets tickets;
    private final Presence presence;

    PresenceReports(Tickets tickets, Presence presence) {
        this.tickets = tickets;
        this.presence = presence;
    }

    @PostMapping("/live/presence")
    ResponseEntity<Void> report(Actor actor, @RequestParam long ticket, @RequestParam String state) {
        actor.requireStaff(); // collision is between agents: the portal shows no one's presence
        tickets.find(actor, ticket); // seen only on a ticket one may open
        switch (state) {
            case "viewing" -> presence.seen(ticket, actor.userId(), Presence.State.VIEWING);
            case "replying" -> presence.seen(ticket, actor.userId(), Presence.State.REPLYING);
            case "gone" -> presence.gone(ticket, actor.userId());
            default -> throw ApiException.invalid("state", "invalid", "is viewing, replying or gone, not " + state);
        }
        return ResponseEntity.noContent().build();
    }
}
