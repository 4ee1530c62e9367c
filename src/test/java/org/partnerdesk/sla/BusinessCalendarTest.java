package org.partnerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerdesk.sla.domain.BusinessCalendar;
import org.partnerdesk.sla.domain.Holiday;

/** TKT-4 business hours as configured: "24x5" from Sunday 15:00 to Friday 17:00 Pacific, Easter, 25 December, 1 January. */
class BusinessCalendarTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private final BusinessCalendar calendar = DefaultSlaSettings.load().calendar();

    @Test
    void fourHoursFromFridayFourPmEndOnSundaySixPm() {
        assertThat(calendar.plus(pacific("2026-03-13T16:00"), Duration.ofHours(4))).isEqualTo(pacific("2026-03-15T18:00"));
    }

    @Test
    void aClockStartedOnSaturdayWaitsForSundayAfternoon() {
        assertThat(calendar.plus(pacific("2026-03-14T10:00"), Duration.ofHours(1))).isEqualTo(pacific("2026-03-15T16:00"));
        assertThat(calendar.plus(pacific("2026-03-15T09:00"), Duration.ofMinutes(30))).isEqualTo(pacific("2026-03-15T15:30"));
    }

    @Test
    void aWeekdayIsOpenAroundTheClock() {
        assertThat(calendar.plus(pacific("2026-03-16T09:00"), Duration.ofHours(24))).isEqualTo(pacific("2026-03-17T09:00"));
        // Friday noon to five, Sunday three to midnight, then Monday from midnight: 5 + 9 + 10 hours
        assertThat(calendar.plus(pacific("2026-03-13T12:00"), Duration.ofHours(24))).isEqualTo(pacific("2026-03-16T10:00"));
    }

    @Test
    void christmasStopsTheClockForTheWholeDay() {
        assertThat(calendar.plus(pacific("2025-12-24T22:00"), Duration.ofHours(4))).isEqualTo(pacific("2025-12-26T02:00"));
        // 2026: Christmas is a Friday, so the clock waits from Thursday midnight to Sunday 15:00
        assertThat(calendar.plus(pacific("2026-12-24T23:00"), Duration.ofHours(2))).isEqualTo(pacific("2026-12-27T16:00"));
    }

    @Test
    void newYearsDayStopsTheClock() {
        assertThat(calendar.plus(pacific("2025-12-31T23:00"), Duration.ofHours(2))).isEqualTo(pacific("2026-01-02T01:00"));
        assertThat(calendar.businessTimeBetween(pacific("2026-01-01T00:00"), pacific("2026-01-02T00:00"))).isZero();
    }

    @Test
    void easterSundayKeepsTheWeekendClosedUntilMonday() {
        assertThat(calendar.plus(pacific("2026-04-03T16:00"), Duration.ofHours(4))).isEqualTo(pacific("2026-04-06T03:00"));
    }

    @Test
    void easterIsComputedForAnyYear() {
        assertThat(Holiday.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Holiday.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Holiday.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(Holiday.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(Holiday.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(Holiday.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
    }

    // spring forward (the weekend is an hour shorter) and fall back (an hour longer): Sunday still opens at 15:00 local time
    @ParameterizedTest(name = "{0} plus 4 business hours")
    @CsvSource({"2026-03-06T16:00, 2026-03-08T18:00, 2026-03-09T01:00:00Z, 49",
            "2026-10-30T16:00, 2026-11-01T18:00, 2026-11-02T02:00:00Z, 51"})
    void daylightSavingWeekendOpensAtThreePmLocalTime(String fridayLocal, String dueLocal, String dueUtc, int wallClockHours) {
        Instant friday = pacific(fridayLocal);
        Instant due = calendar.plus(friday, Duration.ofHours(4));

        assertThat(due).isEqualTo(pacific(dueLocal)).isEqualTo(Instant.parse(dueUtc));
        assertThat(calendar.businessTimeBetween(friday, due)).isEqualTo(Duration.ofHours(4));
        assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(wallClockHours));
    }

    @Test
    void businessTimeBetweenSkipsTheWeekendAndIsNegativeBackwards() {
        Instant friday = pacific("2026-03-13T16:30");
        Instant monday = pacific("2026-03-16T01:00");

        assertThat(calendar.businessTimeBetween(friday, monday)).isEqualTo(Duration.ofMinutes(30 + 9 * 60 + 60));
        assertThat(calendar.businessTimeBetween(monday, friday)).isEqualTo(Duration.ofMinutes(-(30 + 9 * 60 + 60)));
        assertThat(calendar.businessTimeBetween(pacific("2026-03-13T17:00"), pacific("2026-03-15T15:00"))).isZero();
    }

    @Test
    void addingBusinessTimeAndMeasuringItAgree() {
        Instant start = pacific("2026-12-23T08:15");
        for (int hours = 1; hours <= 200; hours += 7) {
            Instant due = calendar.plus(start, Duration.ofHours(hours));
            assertThat(calendar.businessTimeBetween(start, due)).as("%d business hours", hours).isEqualTo(Duration.ofHours(hours));
        }
    }

    static Instant pacific(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PACIFIC).toInstant();
    }
}
