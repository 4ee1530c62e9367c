package org.partnerdesk.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** DIR-5 and DIR-6: the plans a subscription or an NFR license is on. */
public enum Plan {
    FREE(SupportLevel.NONE), STARTER(SupportLevel.STANDARD), PREMIUM(SupportLevel.PRIORITY), ULTIMATE(SupportLevel.PRIORITY);

    public static final Set<String> CODES = Arrays.stream(values()).map(Plan::code).collect(Collectors.toUnmodifiableSet());

    private final SupportLevel supportLevel;

    Plan(SupportLevel supportLevel) {
        this.supportLevel = supportLevel;
    }

    public String code() {
        return name().toLowerCase();
    }

    /** DIR-5: premium and ultimate -> priority, starter -> standard, free -> none. */
    public SupportLevel supportLevel() {
        return supportLevel;
    }

    public static Optional<Plan> fromCode(String code) {
        return Arrays.stream(values()).filter(plan -> plan.code().equals(code)).findFirst();
    }
}
