package org.partnerdesk.entitlement;

import java.util.Locale;

/** Which levels of support we give: all of them, or second and third after an alliance partner's first (ENT-6). */
public enum SupportTier {
    STANDARD,
    L2_L3;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
