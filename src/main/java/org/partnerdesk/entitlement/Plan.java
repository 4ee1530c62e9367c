package org.partnerdesk.entitlement;

import java.util.Locale;

/** DIR-5: a subscription or NFR license plan, from the cheapest to the best. */
public enum Plan {
    FREE,
    STARTER,
    PREMIUM,
    ULTIMATE;

    /** DIR-5, DOMAIN-FACTS "Plans and support levels": what support the plan buys. */
    public SupportLevel supportLevel() {
        return switch (this) {
            case PREMIUM, ULTIMATE -> SupportLevel.PRIORITY;
            case STARTER -> SupportLevel.STANDARD;
            case FREE -> SupportLevel.NONE;
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
