package org.partnerdesk.ticket.ui;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * UI-1: a ticket's SLA state in words ("due in 23 min", "breached 5 min ago"), so colour is never the only sign; the
 * tone picks the colour: breached, soon (due within the hour), ok, or neutral (no reply clock runs).
 */
record SlaBadge(String text, String tone) {

    private static final Duration SOON = Duration.ofHours(1);

    static SlaBadge of(@Nullable Instant due, Instant now) {
        if (due == null) {
            return new SlaBadge("no SLA running", "neutral");
        }
        if (due.isBefore(now)) {
            return new SlaBadge("breached " + span(Duration.between(due, now)) + " ago", "breached");
        }
        Duration left = Duration.between(now, due);
        return new SlaBadge("due in " + span(left), left.compareTo(SOON) <= 0 ? "soon" : "ok");
    }

    boolean isBreached() {
        return tone.equals("breached");
    }

    // minutes under an hour, hours and minutes under a day, days and hours beyond: what a glance needs
    private static String span(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        long hours = minutes / 60;
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }
}
