package org.partnerdesk.console;

import org.partnerdesk.console.live.LiveNotice;
import org.partnerdesk.console.persistence.LiveChannel;
import org.springframework.stereotype.Service;

/**
 * UI-1 live updates: tells the browsers on every node that something changed. Called inside the writing transaction,
 * so the notice goes out once it commits, and never for a change rolled back.
 */
@Service
public class LiveUpdates {

    private final LiveChannel channel;

    LiveUpdates(LiveChannel channel) {
        this.channel = channel;
    }

    /** A ticket's page is out of date for everyone but {@code changedBy}; queue counts may have moved. */
    public void ticketChanged(long ticketId, long changedBy) {
        channel.send(LiveNotice.ticketChanged(ticketId, changedBy).json());
    }

    /** A partner-operations request came in or was decided: the operations inboxes' counts may have moved. */
    public void inboxesChanged() {
        channel.send(LiveNotice.inboxesChanged().json());
    }

    /** A new ticket: queue counts may have moved. */
    public void ticketCreated(long ticketId) {
        channel.send(LiveNotice.ticketCreated(ticketId).json());
    }
}
