package org.partnerdesk.ticket;

import java.util.List;

import org.partnerdesk.ticket.persistence.StoredConversation;
import org.springframework.stereotype.Service;

/**
 * Issue #17: what the current transaction did to a ticket, for listeners of {@link TicketCreated} and {@link TicketChanged}
 * that run inside it (webhooks tell subscribers which fields changed and which comment was added). No authorization: the
 * caller is the desk itself, reacting to a write that was already authorized.
 */
@Service
public class TicketChanges {

    private final StoredConversation conversation;

    TicketChanges(StoredConversation conversation) {
        this.conversation = conversation;
    }

    /** The audits written on this ticket by the running transaction, oldest first; empty outside one. */
    public List<Audit> inThisTransaction(long ticketId) {
        return conversation.auditsOfThisTransaction(ticketId);
    }
}
