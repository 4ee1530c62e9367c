package org.partnerdesk.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * API-1: a time as the desk shows it, in JSON and in the text it writes (notes, audits, mails, refusals): ISO-8601 UTC
 * to the second ({@code 2026-11-24T20:02:38Z}). Stored times keep microseconds; only what people read is cut.
 */
public final class WholeSeconds {

    private WholeSeconds() {
    }

    public static String of(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
