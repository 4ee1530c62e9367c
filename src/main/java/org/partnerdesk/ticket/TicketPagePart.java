package org.partnerdesk.ticket;

import java.util.Map;
import java.util.Optional;

import org.partnerdesk.api.Actor;

/**
 * UI-1: a piece of the agent's ticket page that another module owns (STAR, the Support Uploader link, who else is on the
 * ticket), so the ticket module shows it without depending on that module. The page renders {@code fragment} (a Thymeleaf
 * fragment named {@code part}, e.g. {@code escalation/star}) in its slot, with {@code model} as the fragment's variables.
 */
public interface TicketPagePart {

    /** Where on the page a part goes. */
    enum Slot {
        /** Above the conversation, always in view: presence, the partner's special-process note. */
        PINNED,
        /** The top of the side column, above the properties: the entitlement card, what an agent checks first. */
        SUMMARY,
        /** The side column below the properties: STAR, the alliance channel, upload links. */
        SIDE
    }

    Slot slot();

    /** Lower comes first within a slot. */
    int order();

    /** What to show for this ticket to this person, or nothing (e.g. STAR to someone who may not raise one). */
    Optional<Rendered> render(Actor actor, Ticket ticket);

    /** A fragment template ({@code templates/<fragment>.html}, fragment {@code part(model)}) and its variables. */
    record Rendered(String fragment, Map<String, Object> model) {
        public Rendered {
            model = Map.copyOf(model);
        }
    }
}
