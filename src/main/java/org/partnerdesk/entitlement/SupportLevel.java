package org.partnerdesk.entitlement;

import java.util.Locale;

/** How fast a ticket must be answered (TKT-4 targets hang off it); {@code NONE} means no SLA. */
public enum SupportLevel {
    PRIORITY,
    STANDARD,
    NONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
