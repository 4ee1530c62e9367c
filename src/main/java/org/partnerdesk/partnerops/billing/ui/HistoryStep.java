package org.partnerdesk.partnerops.billing.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.Transition;

/** One step of a billing account's audit (PO-5) in words: when, to which state, by whom (the job, when nobody), why. */
record HistoryStep(String when, String status, String by, @Nullable String note) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static HistoryStep of(Transition step, Map<Long, String> names) {
        String by = step.actorId() == null ? "by the activation job" : "by " + names.getOrDefault(step.actorId(), "user " + step.actorId());
        return new HistoryStep(WHEN.format(step.createdAt()), step.toStatus(), by, step.reason());
    }
}
