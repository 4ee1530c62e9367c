package org.partnerdesk.escalation;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** TKT-7 [003]: how soon the requester needs a support manager's answer; the targets are settings. */
public enum Urgency {
    NOT_URGENT, TIMELY, URGENT;

    public static final Set<String> CODES = Arrays.stream(values()).map(Urgency::code).collect(Collectors.toUnmodifiableSet());

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Urgency> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code().equals(code)).findFirst();
    }
}
