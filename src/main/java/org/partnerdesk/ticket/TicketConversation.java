package org.partnerdesk.ticket;

import org.partnerdesk.api.CursorPage;

/** What the agent's ticket page shows of a ticket it has already loaded: a page of comments and the latest history. */
public record TicketConversation(CursorPage<Comment> comments, CursorPage<Audit> history) {
}
