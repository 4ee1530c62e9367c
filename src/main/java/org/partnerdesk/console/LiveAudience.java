package org.partnerdesk.console;

import org.partnerdesk.api.Actor;

/**
 * UI-1 live updates: who may follow a ticket's live events. The ticket module answers (the console does not know
 * tickets): a person follows only a ticket they may open, and learns nothing of others (API-2, by the same facade).
 */
public interface LiveAudience {

    /** Refuses (an {@code ApiException}, as opening the ticket would) when {@code actor} may not see the ticket. */
    void checkMayFollowTicket(Actor actor, long ticketId);
}
