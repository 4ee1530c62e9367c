package org.partnerdesk.sla.domain;

import java.util.Locale;

/** Which clock a target runs on (TKT-4): calendar time (24x7) or the business calendar. */
public enum Hours {
    CALENDAR,
    BUSINESS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Hours fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
