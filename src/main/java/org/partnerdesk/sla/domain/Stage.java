package org.partnerdesk.sla.domain;

import java.util.Locale;

/** Where a metric stands (SPEC 7, Zendesk's stages). */
public enum Stage {
    ACTIVE,
    PAUSED,
    ACHIEVED,
    BREACHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
