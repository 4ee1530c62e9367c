package org.partnerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.sla.BusinessCalendarTest.pacific;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerdesk.sla.domain.BusinessCalendar;
import org.partnerdesk.sla.domain.Metric;
import org.partnerdesk.sla.domain.SlaMetric;
import org.partnerdesk.sla.domain.SlaTargets;
import org.partnerdesk.sla.domain.Stage;

/** A reply clock's transitions (TKT-3, TKT-4): pause and resume, re-targeting, breach, reply. */
class SlaMetricTest {

    private final BusinessCalendar calendar = DefaultSlaSettings.load().calendar();
    private final SlaTargets targets = DefaultSlaSettings.load().targets();

    @Test
    void pendingTimeOnBusinessHoursPushesTheDueTimeBack() {
        SlaMetric normal = start("normal", pacific("2026-03-16T09:00"));
        assertThat(normal.breachAt()).isEqualTo(pacific("2026-03-16T17:00"));

        SlaMetric paused = normal.pause(pacific("2026-03-16T10:00"));
        assertThat(paused.stage()).isEqualTo(Stage.PAUSED);
        assertThat(paused.breachAt()).isNull();
        assertThat(paused.minutesLeft(pacific("2026-03-16T23:00"), calendar)).isEqualTo(7 * 60);

        SlaMetric resumed = paused.resume(pacific("2026-03-16T12:30"), calendar);
        assertThat(resumed.stage()).isEqualTo(Stage.ACTIVE);
        assertThat(resumed.breachAt()).isEqualTo(pacific("2026-03-16T19:30"));
    }

    @Test
    void pendingOverTheWeekendCostsOnlyTheBusinessHoursInIt() {
        SlaMetric high = start("high", pacific("2026-03-13T15:00"));
        SlaMetric resumed = high.pause(pacific("2026-03-13T16:00")).resume(pacific("2026-03-15T16:00"), calendar);

        // one hour used on Friday; paused for Friday's last hour and Sunday's first; three hours left from Sunday 16:00
        assertThat(resumed.breachAt()).isEqualTo(pacific("2026-03-15T19:00"));
    }

    @Test
    void urgentTicketPausedCountsCalendarTime() {
        SlaMetric urgent = start("urgent", pacific("2026-03-14T10:00"));
        assertThat(urgent.breachAt()).isEqualTo(pacific("2026-03-14T10:30"));

        SlaMetric resumed = urgent.pause(pacific("2026-03-14T10:10")).resume(pacific("2026-03-14T12:10"), calendar);
        assertThat(resumed.breachAt()).isEqualTo(pacific("2026-03-14T12:30"));
    }

    @Test
    void aClockPastDueWhenPausedIsBreachedInstead() {
        SlaMetric urgent = start("urgent", pacific("2026-03-14T10:00"));

        assertThat(urgent.pause(pacific("2026-03-14T11:00")).stage()).isEqualTo(Stage.BREACHED);
    }

    @Test
    void aNewPriorityRecomputesTheDueTimeFromTheStart() {
        SlaMetric normal = start("normal", pacific("2026-03-16T09:00"));

        SlaMetric urgent = normal.retarget(targets.policyFor("priority", "urgent").orElseThrow(), calendar);

        assertThat(urgent.breachAt()).isEqualTo(pacific("2026-03-16T09:30"));
        assertThat(urgent.terms().priority()).isEqualTo("urgent");
    }

    @Test
    void onlyAnActiveClockBreachesAndAReplyLaterDoesNotUndoIt() {
        SlaMetric breached = start("urgent", pacific("2026-03-14T10:00")).breach(pacific("2026-03-14T10:31"));

        assertThat(breached.stage()).isEqualTo(Stage.BREACHED);
        assertThat(breached.breach(pacific("2026-03-14T10:32"))).isSameAs(breached);
        SlaMetric answered = breached.achieve(pacific("2026-03-14T11:00"));
        assertThat(answered.stage()).isEqualTo(Stage.BREACHED);
        assertThat(answered.isAwaitingReply()).isFalse();
        assertThat(answered.minutesLeft(pacific("2026-03-20T00:00"), calendar)).isEqualTo(-30);
    }

    @Test
    void aReplyInTimeIsAchieved() {
        SlaMetric achieved = start("low", pacific("2026-03-16T09:00")).achieve(pacific("2026-03-16T10:00"));

        assertThat(achieved.stage()).isEqualTo(Stage.ACHIEVED);
        assertThat(achieved.minutesLeft(pacific("2026-03-16T11:00"), calendar)).isNull();
    }

    private SlaMetric start(String priority, Instant at) {
        return SlaMetric.start(1, Metric.FIRST_REPLY_TIME, targets.policyFor("priority", priority).orElseThrow(), at, calendar);
    }

}
