package org.partnerdesk.partnerops.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** How the operations pages write a moment: "2026-12-04 17:00 UTC", as the agent console's lists do. */
final class When {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private When() {
    }

    public static String of(@Nullable Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }
}
