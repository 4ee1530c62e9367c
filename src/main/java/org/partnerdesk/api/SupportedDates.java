package org.partnerdesk.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates the desk takes from a request: years 1900 to 9999. PostgreSQL's timestamps end in year 294276 and Java's
 * go to year 999999999, so a date between them failed as a 500 in the query that bound it; no ticket, subscription or
 * license date is outside these years either.
 */
public final class SupportedDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    /** For refusals: "must be … from 1900-01-01 to 9999-12-31". */
    public static final String RANGE = "from " + FIRST + " to " + LAST;

    private SupportedDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST.atStartOfDay().toInstant(ZoneOffset.UTC))
                && instant.isBefore(LAST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
