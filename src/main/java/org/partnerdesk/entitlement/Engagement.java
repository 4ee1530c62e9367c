package org.partnerdesk.entitlement;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code Partner engagement} drop-down says. The field is free data from outside, so an empty
 * value and a value we do not know are answers too (the latter leads to ENT-9, never an exception).
 */
public enum Engagement {
    NOT_GIVEN,
    ON_BEHALF_OF_CUSTOMER,
    SERVICES_ENGAGEMENT,
    PARTNER_COMMERCIAL_WORK,
    PARTNER_INTERNAL_TRAINING,
    UNKNOWN;

    /** Reads the raw field value ({@code on_behalf_of_customer}, …); blank is {@link #NOT_GIVEN}. */
    public static Engagement of(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return NOT_GIVEN;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (Engagement engagement : values()) {
            if (engagement != NOT_GIVEN && engagement != UNKNOWN && engagement.name().equals(wanted)) {
                return engagement;
            }
        }
        return UNKNOWN;
    }
}
