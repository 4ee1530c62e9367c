package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ticket.TicketMetric.Minutes;

/** Issue #17 item 6, the pure part: which status counts as whose wait, reopens, resolutions, on a stand-in calendar. */
class TicketMetricTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T17:00:00Z");
    // a stand-in business calendar that is open half of every interval, so business minutes differ from calendar ones
    private static final TicketMetric.BusinessHours HALF_OPEN = (from, to) -> Duration.between(from, to).dividedBy(2);

    @Test
    void holdIsTheRequestersWaitAndOnHoldWhilePendingIsTheAgentsWait() {
        TicketHistory history = history("solved", at(120), status(10, "open"), status(30, "pending"), status(90, "hold"),
                status(100, "open"), status(120, "solved"));

        TicketMetric metric = TicketMetric.of(history, at(500), HALF_OPEN);

        assertThat(metric.requesterWaitTime()).isEqualTo(new Minutes(60L, 30L));
        assertThat(metric.agentWaitTime()).isEqualTo(new Minutes(60L, 30L));
        assertThat(metric.onHoldTime()).isEqualTo(new Minutes(10L, 5L));
        assertThat(metric.firstResolutionTime()).isEqualTo(new Minutes(120L, 60L));
        assertThat(metric.fullResolutionTime()).isEqualTo(new Minutes(120L, 60L));
        assertThat(metric.solvedAt()).isEqualTo(at(120));
        assertThat(metric.statusUpdatedAt()).isEqualTo(at(120));
    }

    @Test
    void aReopenedTicketCountsTheReopenAndHasNoFullResolutionUntilSolvedAgain() {
        TicketHistory reopened = history("open", at(60), status(10, "solved"), status(60, "open"));

        TicketMetric metric = TicketMetric.of(reopened, at(100), HALF_OPEN);

        assertThat(metric.reopens()).isEqualTo(1);
        assertThat(metric.firstResolutionTime()).isEqualTo(new Minutes(10L, 5L));
        assertThat(metric.fullResolutionTime()).isEqualTo(new Minutes(null, null));
        assertThat(metric.solvedAt()).isNull();
        assertThat(metric.requesterWaitTime()).as("new 10, open from 60 until now").isEqualTo(new Minutes(50L, 25L));
    }

    @Test
    void solvedAgainAfterAReopenMeasuresTheFullResolutionToTheLatestSolve() {
        TicketHistory history = history("closed", at(200), status(10, "solved"), status(60, "open"), status(90, "solved"),
                status(200, "closed"));

        TicketMetric metric = TicketMetric.of(history, at(500), HALF_OPEN);

        assertThat(metric.reopens()).isEqualTo(1);
        assertThat(metric.fullResolutionTime()).isEqualTo(new Minutes(90L, 45L));
        assertThat(metric.solvedAt()).isEqualTo(at(90));
        assertThat(metric.requesterWaitTime()).as("nothing counts once solved").isEqualTo(new Minutes(40L, 20L));
    }

    @Test
    void assigneeAndGroupStationsCountDifferentAssigneesAndGroups() {
        TicketHistory history = history("open", at(30), new TicketHistory.Change(at(5), "assignee_id", "7"),
                new TicketHistory.Change(at(10), "group_id", "2"), new TicketHistory.Change(at(20), "assignee_id", "8"),
                new TicketHistory.Change(at(25), "assignee_id", null), new TicketHistory.Change(at(30), "assignee_id", "7"));

        TicketMetric metric = TicketMetric.of(history, at(40), HALF_OPEN);

        assertThat(metric.assigneeStations()).isEqualTo(2);
        assertThat(metric.groupStations()).isEqualTo(1);
        assertThat(metric.initiallyAssignedAt()).isEqualTo(at(5));
        assertThat(metric.assignedAt()).isEqualTo(at(30));
    }

    @Test
    void aStatusNoAuditRecordedIsTakenAsSetAtTheTicketsLastUpdate() {
        TicketHistory loaded = history("solved", at(60));

        TicketMetric metric = TicketMetric.of(loaded, at(500), HALF_OPEN);

        assertThat(metric.firstResolutionTime()).isEqualTo(new Minutes(60L, 30L));
        assertThat(metric.solvedAt()).isEqualTo(at(60));
        assertThat(metric.requesterWaitTime()).isEqualTo(new Minutes(60L, 30L));
    }

    private static TicketHistory history(String status, Instant updatedAt, TicketHistory.Change... changes) {
        List<TicketHistory.Change> all = new java.util.ArrayList<>(List.of(new TicketHistory.Change(OPENED, "status", "new")));
        all.addAll(List.of(changes));
        return new TicketHistory(1, status, OPENED, updatedAt, all, 0, null, null, null, null);
    }

    private static TicketHistory.Change status(int minutes, String status) {
        return new TicketHistory.Change(at(minutes), "status", status);
    }

    private static Instant at(int minutes) {
        return OPENED.plusSeconds(60L * minutes);
    }
}
