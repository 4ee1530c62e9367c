package org.partnerdesk.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A ticket tag as Zendesk keeps it: lowercase, with the spaces inside it turned into underscores ("Needs Review" is
 * {@code needs_review}), so one word written two ways counts once in {@code GET /tags}.
 */
public record TicketTag(String name) {

    public static final int MAX_LENGTH = 80;

    public static TicketTag of(String typed) {
        return new TicketTag(typed.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_"));
    }

    /** The tags as typed, normalized, each once, in the order first given. */
    public static List<String> normalized(Collection<String> typed) {
        Set<String> names = new LinkedHashSet<>();
        typed.stream().map(TicketTag::of).map(TicketTag::name).filter(name -> !name.isEmpty()).forEach(names::add);
        return new ArrayList<>(names);
    }
}
