package org.partnerdesk.ticket;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** TKT-3 how urgent a ticket is, lowest first (search's ordered terms: {@code priority>normal}); the code is Zendesk's. */
public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT;

    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public static TicketPriority of(String code) {
        for (TicketPriority p : values()) { // a loop, not a stream: every ticket row read passes here
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no ticket priority " + code);
    }

    /** The priority a code names, or none when no code is given (a ticket may have no priority). */
    public static @Nullable TicketPriority ofNullable(@Nullable String code) {
        return code == null ? null : of(code);
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(TicketPriority::code).toList();
    }

    public String code() {
        return code;
    }
}
