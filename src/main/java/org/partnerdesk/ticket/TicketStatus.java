package org.partnerdesk.ticket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * TKT-1 where a ticket is in its life, and where it may go from there. Nothing goes back to {@code new}; a ticket
 * is solved before it is closed; closed is final (a follow-up is a new ticket).
 */
public enum TicketStatus {
    NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED;

    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public static TicketStatus of(String code) {
        for (TicketStatus s : values()) { // a loop, not a stream: every ticket row read passes here
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no ticket status " + code);
    }

    /** The status a code names, or none when no code is given (a PUT that leaves the status alone). */
    public static @Nullable TicketStatus ofNullable(@Nullable String code) {
        return code == null ? null : of(code);
    }

    /** The codes in lifecycle order, for the API's checks and search's ordered terms ({@code status<solved}). */
    public static List<String> codes() {
        return Arrays.stream(values()).map(TicketStatus::code).toList();
    }

    public String code() {
        return code;
    }

    /** Staying where it is always is; otherwise only the moves of TKT-1. */
    public boolean canMoveTo(TicketStatus next) {
        return next == this || nextSteps().contains(next);
    }

    /** The status after this move, or a TKT-1 refusal naming where the ticket may go instead. */
    public TicketStatus moveTo(TicketStatus next) {
        if (!canMoveTo(next)) {
            throw TicketRuleViolation.invalid(TicketRule.TKT_1, "status", "a " + code() + " ticket cannot become " + next.code()
                    + (nextSteps().isEmpty() ? "; a closed ticket is final, open a follow-up instead"
                    : "; it can become " + String.join(", ", nextSteps().stream().map(TicketStatus::code).toList())));
        }
        return next;
    }

    /**
     * TKT-1 the status after a PUT: the one asked for, if the move is allowed; else an agent's first public reply
     * opens a new ticket, and a requester's reply brings a pending or solved ticket back to the agents (Zendesk's default).
     */
    public TicketStatus afterChange(@Nullable TicketStatus asked, boolean byStaff, TicketChange.@Nullable Comment comment) {
        if (asked != null) {
            return moveTo(asked);
        }
        if (byStaff && comment != null && comment.isPublic() && this == NEW) {
            return moveTo(OPEN);
        }
        if (!byStaff && comment != null && (this == PENDING || this == SOLVED)) {
            return moveTo(OPEN);
        }
        return this;
    }

    private Set<TicketStatus> nextSteps() {
        return switch (this) {
            case NEW, OPEN, PENDING, HOLD -> EnumSet.complementOf(EnumSet.of(NEW, CLOSED, this));
            case SOLVED -> EnumSet.of(OPEN, PENDING, HOLD, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }
}
