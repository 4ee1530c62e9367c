package org.partnerdesk.ticket.ui;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** UI-1 portal: one request as the portal's lists show it, its people already named for the page. */
record RequestRow(long id, String subject, String status, String requester, @Nullable String organization, Instant updatedAt) {

    public String updated() {
        return TicketRow.shown(updatedAt);
    }
}
