package org.partnerdesk.ticket;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What kind of request a ticket is (SPEC 7); the code is Zendesk's {@code type}. */
public enum TicketType {
    PROBLEM, INCIDENT, QUESTION, TASK;

    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public static TicketType of(String code) {
        for (TicketType t : values()) { // a loop, not a stream: every ticket row read passes here
            if (t.code().equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no ticket type " + code);
    }

    /** The type a code names, or none when no code is given. */
    public static @Nullable TicketType ofNullable(@Nullable String code) {
        return code == null ? null : of(code);
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(TicketType::code).toList();
    }

    public String code() {
        return code;
    }
}
