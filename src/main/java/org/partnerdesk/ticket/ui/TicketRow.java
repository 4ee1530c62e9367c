package org.partnerdesk.ticket.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.User;
import org.partnerdesk.ticket.Ticket;

/** UI-1: one ticket as the console's lists show it, with its requester and organization (null when it has none). */
public record TicketRow(Ticket ticket, @Nullable User requester, @Nullable Organization organization) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A time as people read it in a list; the page gives the exact instant in {@code <time datetime>}. */
    public static String shown(Instant at) {
        return SHOWN.format(at);
    }

    public String updated() {
        return shown(ticket.updatedAt());
    }

    public String created() {
        return shown(ticket.createdAt());
    }
}
