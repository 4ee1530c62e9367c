package org.partnerdesk.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * TKT-4 business hours: one weekly window (DOMAIN-FACTS: "24x5", Sunday 15:00 to Friday 17:00 US Pacific) in a
 * time zone, with holidays that close the whole local day. Local times are turned into instants day by day, so a
 * daylight-saving change moves the opening instant and never adds or loses business time.
 */
public record BusinessCalendar(ZoneId zone, DayOfWeek opensOn, LocalTime opensAt, DayOfWeek closesOn, LocalTime closesAt,
                               List<Holiday> holidays) {

    /** Business hours lie at most this far ahead; beyond it the settings have no open hour at all. */
    private static final int MAX_DAYS = 3_660;

    public BusinessCalendar {
        holidays = List.copyOf(holidays);
        if (opensOn == closesOn && !opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("business hours must open before they close within the week");
        }
    }

    /** The instant when {@code businessTime} of open hours has passed after {@code start}. */
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + businessTime);
        }
        Duration left = businessTime;
        LocalDate day = LocalDate.ofInstant(start, zone);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Open open = openOn(day);
            if (open == null || !open.end().isAfter(start)) {
                continue;
            }
            Instant from = open.start().isAfter(start) ? open.start() : start;
            Duration available = Duration.between(from, open.end());
            if (left.compareTo(available) <= 0) {
                return left.isZero() ? start : from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no business hours within " + MAX_DAYS + " days of " + start);
    }

    /** Open hours between two instants; negative when {@code to} is before {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(LocalDate.ofInstant(to, zone)); day = day.plusDays(1)) {
            Open open = openOn(day);
            if (open == null) {
                continue;
            }
            Instant start = open.start().isAfter(from) ? open.start() : from;
            Instant end = open.end().isBefore(to) ? open.end() : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** Time on the given clock: business hours from this calendar, or plain elapsed time. */
    public Instant plus(Hours hours, Instant start, Duration time) {
        return hours == Hours.CALENDAR ? start.plus(time) : plus(start, time);
    }

    public Duration timeBetween(Hours hours, Instant from, Instant to) {
        return hours == Hours.CALENDAR ? Duration.between(from, to) : businessTimeBetween(from, to);
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.stream().anyMatch(h -> h.isOn(day));
    }

    private record Open(Instant start, Instant end) {
    }

    // the open part of one local day, or null; days are contiguous, so Monday's end is Tuesday's start
    private @Nullable Open openOn(LocalDate day) {
        if (isHoliday(day)) {
            return null;
        }
        int sinceOpening = Math.floorMod(day.getDayOfWeek().getValue() - opensOn.getValue(), 7);
        int windowDays = Math.floorMod(closesOn.getValue() - opensOn.getValue(), 7);
        if (sinceOpening > windowDays) {
            return null;
        }
        Instant start = sinceOpening == 0 ? day.atTime(opensAt).atZone(zone).toInstant() : day.atStartOfDay(zone).toInstant();
        Instant end = sinceOpening == windowDays
                ? day.atTime(closesAt).atZone(zone).toInstant()
                : day.plusDays(1).atStartOfDay(zone).toInstant();
        return end.isAfter(start) ? new Open(start, end) : null;
    }
}
