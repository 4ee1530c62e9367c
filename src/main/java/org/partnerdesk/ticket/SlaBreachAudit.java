package org.partnerdesk.ticket;

import java.util.List;

import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.sla.SlaBreached;
import org.partnerdesk.ticket.persistence.StoredConversation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** TKT-4: a breach is part of the ticket's history, written in the same transaction that marks it (once). */
@Component
class SlaBreachAudit {

    private final StoredConversation conversation;
    private final long deskUserId;

    SlaBreachAudit(StoredConversation conversation, org.partnerdesk.directory.Users users) {
        this.conversation = conversation;
        this.deskUserId = users.findByEmail(Tickets.DESK_EMAIL).orElseThrow().id();
    }

    @EventListener
    void on(SlaBreached breach) {
        conversation.addAudit(breach.ticketId(), deskUserId, List.of(new Audit.Event("Change", "sla." + breach.metric(),
                "breached", "active", "TKT-4: due " + WholeSeconds.of(breach.breachAt()))));
    }
}
