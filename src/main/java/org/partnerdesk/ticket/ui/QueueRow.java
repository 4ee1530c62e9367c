package org.partnerdesk.ticket.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** UI-1: one ticket as the agent queue shows it, every name already looked up for the page (TKT-5). */
record QueueRow(long id, String subject, String status, SlaBadge sla, @Nullable String requesterName,
                @Nullable String requesterEmail, @Nullable String organization, @Nullable String partner,
                @Nullable String form, @Nullable String priority, List<String> flags) {

    QueueRow {
        flags = List.copyOf(flags);
    }
}
