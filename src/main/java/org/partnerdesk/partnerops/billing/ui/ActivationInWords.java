package org.partnerdesk.partnerops.billing.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.BillingAccount;

/**
 * PO-5, UI-1: where a billing account stands in words ("waiting for Billing Operations", "active in 2 h", "active since
 * 3 Dec"), whether sales may quote with it, and the exact time for whoever checks it; never colour alone.
 */
record ActivationInWords(String words, @Nullable String exactly, String tone, boolean isQuotable) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXACTLY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static ActivationInWords of(BillingAccount account, Instant now) {
        return switch (account.status()) {
            case REQUESTED -> new ActivationInWords("waiting for Billing Operations to create it", null, "neutral", false);
            case PROVISIONING -> provisioning(account.activatesAt(), now);
            case ACTIVE -> {
                Instant since = account.activatedAt() == null ? account.updatedAt() : account.activatedAt();
                yield new ActivationInWords("active since " + DAY.format(since), EXACTLY.format(since), "ok", true);
            }
        };
    }

    // the job activates it at activatesAt; until the job has run, the account is still provisioning
    private static ActivationInWords provisioning(@Nullable Instant activatesAt, Instant now) {
        if (activatesAt == null || !activatesAt.isAfter(now)) {
            return new ActivationInWords("activating now", activatesAt == null ? null : EXACTLY.format(activatesAt), "soon", false);
        }
        return new ActivationInWords("active in " + span(Duration.between(now, activatesAt)), EXACTLY.format(activatesAt), "soon", false);
    }

    /** "12 min", "2 h", "1 h 30 min", "2 days": what a glance needs, rounded up so "in 2 h" is never late. */
    static String span(Duration left) {
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        long days = Math.round(minutes / (24 * 60.0));
        return days + (days == 1 ? " day" : " days");
    }
}
