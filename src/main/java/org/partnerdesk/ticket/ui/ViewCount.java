package org.partnerdesk.ticket.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.partnerdesk.ticket.AgentView;
import org.partnerdesk.ticket.TicketQueues;

/** TKT-5: a view's count as the sidebar shows it, "1,000+" once the count stopped at its limit. */
record ViewCount(long count) {

    public String text() {
        return count > TicketQueues.MOST_COUNTED ? String.format(Locale.ROOT, "%,d+", TicketQueues.MOST_COUNTED) : Long.toString(count);
    }

    /** What a screen reader says after the number. */
    public String unit() {
        return count == 1 ? " ticket" : " tickets";
    }

    static Map<AgentView, ViewCount> of(Map<AgentView, Long> counts) {
        Map<AgentView, ViewCount> shown = new EnumMap<>(AgentView.class);
        counts.forEach((view, count) -> shown.put(view, new ViewCount(count)));
        return shown;
    }
}
