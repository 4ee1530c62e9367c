package org.partnerdesk.sla.domain;

import java.util.Locale;

/** The two reply metrics of TKT-4, with Zendesk's names. */
public enum Metric {
    FIRST_REPLY_TIME,
    NEXT_REPLY_TIME;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Metric fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
