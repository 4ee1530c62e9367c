package org.partnerdesk.ticket.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.sla.PolicyMetric;

/** TKT-4, UI-1: each reply clock as words ("First reply due in 23 min", "breached 5 min ago"), never colour alone. */
final class SlaInWords {

    /** One clock: what it says, whether it is breached (for the badge's style) and when it breaches. */
    record Clock(String words, boolean isBreached, @Nullable Instant breachAt) {

        /** The breach time as a reader checks it against a calendar: "4 Dec 17:05 UTC". */
        public @Nullable String breachAtText() {
            return breachAt == null ? null : WHEN.format(breachAt);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SlaInWords() {
    }

    static List<Clock> of(List<PolicyMetric> metrics, Instant now) {
        return metrics.stream().map(metric -> clock(metric, now)).toList();
    }

    private static Clock clock(PolicyMetric metric, Instant now) {
        String name = metric.metric().equals("next_reply_time") ? "Next reply" : "First reply";
        return switch (metric.stage()) {
            case "breached" -> new Clock(name + " breached " + span(overdue(metric, now)) + " ago", true, metric.breachAt());
            case "paused" -> new Clock(name + " paused while pending", false, null);
            case "achieved" -> new Clock(name + " given", false, null);
            default -> metric.minutes() != null && metric.minutes() < 0
                    ? new Clock(name + " breached " + span(-metric.minutes()) + " ago", true, metric.breachAt())
                    : new Clock(name + " due in " + span(left(metric, now)), false, metric.breachAt());
        };
    }

    // the SLA module counts the minutes on its (business-hours) clock; the wall clock only when it gives none
    private static long left(PolicyMetric metric, Instant now) {
        if (metric.minutes() != null) {
            return metric.minutes();
        }
        return metric.breachAt() == null ? 0 : Math.max(0, Duration.between(now, metric.breachAt()).toMinutes());
    }

    private static long overdue(PolicyMetric metric, Instant now) {
        if (metric.minutes() != null && metric.minutes() < 0) {
            return -metric.minutes();
        }
        return metric.breachAt() == null ? 0 : Math.max(0, Duration.between(metric.breachAt(), now).toMinutes());
    }

    /** "23 min", "4 h 10 min", "2 d 3 h". */
    static String span(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            long rest = minutes % 60;
            return minutes / 60 + " h" + (rest == 0 ? "" : " " + rest + " min");
        }
        long hours = minutes / 60 % 24;
        return minutes / (24 * 60) + " d" + (hours == 0 ? "" : " " + hours + " h");
    }
}
