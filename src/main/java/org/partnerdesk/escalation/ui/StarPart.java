package org.partnerdesk.escalation.ui;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.escalation.StarRequest;
import org.partnerdesk.escalation.StarRequests;
import org.partnerdesk.escalation.StarSettings;
import org.partnerdesk.escalation.Urgency;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketPagePart;
import org.springframework.stereotype.Component;

/**
 * TKT-7 [003] on the agent ticket page: channel managers and sales raise a STAR, see the open one and unstar it; a
 * support manager sees an open STAR and may unstar it. Anyone else sees nothing of it.
 */
@Component
class StarPart implements TicketPagePart {

    /** An urgency as the select offers it: "Urgent: an answer within 30 min". */
    record Choice(String code, String label) {
    }

    private final StarRequests stars;
    private final StarSettings settings;

    StarPart(StarRequests stars, StarSettings settings) {
        this.stars = stars;
        this.settings = settings;
    }

    @Override
    public Slot slot() {
        return Slot.SIDE;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Rendered> render(Actor actor, Ticket ticket) {
        boolean mayRaise = stars.mayStar(actor);
        if (!mayRaise && !(actor.isStaff() && actor.isMemberOf(Groups.SUPPORT_MANAGERS))) {
            return Optional.empty();
        }
        Optional<StarRequest> open = stars.openOn(actor, ticket.id());
        if (open.isEmpty() && !mayRaise) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("ticketId", ticket.id());
        model.put("mayRaise", mayRaise);
        model.put("urgencies", choices());
        open.ifPresent(star -> {
            model.put("open", star);
            model.put("openUrgency", label(star.urgency()));
            model.put("respondBy", WholeSeconds.of(star.respondBy()));
            model.put("mayUnstar", stars.mayUnstar(actor, star));
        });
        return Optional.of(new Rendered("escalation/star", model));
    }

    private List<Choice> choices() {
        return Arrays.stream(Urgency.values()).map(u -> new Choice(u.code(), label(u))).toList();
    }

    // TKT-7: not urgent 2 h, timely 1 h, urgent 30 min, as configured
    private String label(Urgency urgency) {
        String name = switch (urgency) {
            case NOT_URGENT -> "Not urgent";
            case TIMELY -> "Timely";
            case URGENT -> "Urgent";
        };
        long minutes = settings.respondWithin(urgency).toMinutes();
        return name + ": an answer within " + (minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min");
    }
}
