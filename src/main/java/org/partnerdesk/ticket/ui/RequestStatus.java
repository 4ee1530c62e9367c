package org.partnerdesk.ticket.ui;

import java.util.List;

import org.partnerdesk.ticket.TicketStatus;

/** UI-1 portal: a request's status (TKT-1) in the words a requester reads, the ones the portal filters by. */
final class RequestStatus {

    static final List<TicketStatus> SHOWN = List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD,
            TicketStatus.SOLVED, TicketStatus.CLOSED);

    private RequestStatus() {
    }

    /** Pending is the agents' question waiting for the requester: the words say whose turn it is. */
    public static String words(TicketStatus status) {
        return switch (status) {
            case NEW -> "New";
            case OPEN -> "Open";
            case PENDING -> "Awaiting your reply";
            case HOLD -> "On hold";
            case SOLVED -> "Solved";
            case CLOSED -> "Closed";
        };
    }

    public static String words(String code) {
        return words(TicketStatus.of(code));
    }
}
