package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.entitlement.Flag;

/**
 * TKT-5 the agent console's views, each a queue of the signed-in agent. All but "new and open" list unsolved tickets
 * (new, open, pending, on hold), as Zendesk's default views do; {@link #code} is the view's address ({@code /agent?view=mine}).
 */
public enum AgentView {
    NEW_AND_OPEN("New and open"),
    MINE("Mine"),
    MY_GROUPS("My groups"),
    UNASSIGNED("Unassigned"),
    NEEDS_ORG("Needs organization"),
    NO_ENTITLEMENT("No entitlement"),
    STAR("STAR"),
    BREACHED("Breached");

    /** Tickets still waiting on someone: everything but solved and closed. */
    public static final Set<TicketStatus> UNSOLVED = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD);

    private final String label;

    AgentView(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<AgentView> of(String code) {
        for (AgentView view : values()) {
            if (view.code().equals(code)) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }

    /** The queue this view shows {@code agent}; "breached" compares the reply clocks with {@code now}. */
    public TicketQueue queue(Actor agent, TicketQueue.Order order, Instant now) {
        return switch (this) {
            case NEW_AND_OPEN -> new TicketQueue(EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN), null, null, false, null, null, null, order);
            case MINE -> new TicketQueue(UNSOLVED, null, agent.userId(), false, null, null, null, order);
            case MY_GROUPS -> new TicketQueue(UNSOLVED, null, null, false, null, null, null, order, agent.userId(), false, null);
            case UNASSIGNED -> new TicketQueue(UNSOLVED, null, null, true, null, null, null, order);
            case NEEDS_ORG -> new TicketQueue(UNSOLVED, null, null, false, null, null, Flag.NEEDS_ORG, order);
            case NO_ENTITLEMENT -> new TicketQueue(UNSOLVED, null, null, false, null, null, Flag.NO_ENTITLEMENT, order);
            case STAR -> new TicketQueue(UNSOLVED, null, null, false, null, null, null, order, null, true, null);
            case BREACHED -> new TicketQueue(UNSOLVED, null, null, false, null, null, null, order, null, false, now);
        };
    }
}
