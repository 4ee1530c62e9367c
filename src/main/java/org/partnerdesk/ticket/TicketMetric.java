package org.partnerdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * Issue #17 item 6, Zendesk's ticket metric: reply and resolution times and the time spent in each kind of status, in
 * calendar and business minutes (business hours from the SLA calendar, TKT-4). A time still running is counted up to
 * now; a time never reached (no reply yet, not solved) is null.
 */
public record TicketMetric(long ticketId, int replies, int reopens, int assigneeStations, int groupStations,
                           Minutes replyTime, Minutes firstResolutionTime, Minutes fullResolutionTime, Minutes agentWaitTime,
                           Minutes requesterWaitTime, Minutes onHoldTime, Instant createdAt, Instant updatedAt,
                           @Nullable Instant assignedAt, @Nullable Instant initiallyAssignedAt, @Nullable Instant solvedAt,
                           @Nullable Instant latestCommentAddedAt, @Nullable Instant requesterUpdatedAt,
                           @Nullable Instant assigneeUpdatedAt, Instant statusUpdatedAt) {

    /** Whole minutes, rounded down, on the clock and within business hours; both null when never reached. */
    public record Minutes(@Nullable Long calendar, @Nullable Long business) {

        static final Minutes NOT_REACHED = new Minutes(null, null);
    }

    /** Open hours between two instants, as the SLA module counts them. */
    public interface BusinessHours extends BiFunction<Instant, Instant, Duration> {
    }

    public static TicketMetric of(TicketHistory history, Instant now, BusinessHours businessHours) {
        Instant created = history.createdAt();
        Durations agentWait = new Durations();
        Durations requesterWait = new Durations();
        Durations onHold = new Durations();
        String status = "new";
        Instant since = created;
        Instant statusUpdatedAt = created;
        Instant firstSolved = null;
        Instant lastSolved = null;
        int reopens = 0;
        Set<String> assignees = new HashSet<>();
        Set<String> groups = new HashSet<>();
        Instant initiallyAssigned = null;
        Instant assigned = null;
        for (TicketHistory.Change change : history.changes()) {
            if (change.is("status") && change.value() != null) {
                String next = change.value();
                count(status, since, change.at(), agentWait, requesterWait, onHold, businessHours);
                if (isResolved(next) && !isResolved(status)) {
                    firstSolved = firstSolved == null ? change.at() : firstSolved;
                    lastSolved = change.at();
                }
                if (isResolved(status) && !isResolved(next)) {
                    reopens++;
                }
                if (!next.equals(status)) {
                    statusUpdatedAt = change.at();
                }
                status = next;
                since = change.at();
            } else if (change.is("assignee_id") && change.value() != null) {
                assignees.add(change.value());
                initiallyAssigned = initiallyAssigned == null ? change.at() : initiallyAssigned;
                assigned = change.at();
            } else if (change.is("group_id") && change.value() != null) {
                groups.add(change.value());
            }
        }
        if (!status.equals(history.status()) && !history.updatedAt().isBefore(since)) {
            // a status no audit recorded (a row loaded around the API) is taken as set at the ticket's last update
            count(status, since, history.updatedAt(), agentWait, requesterWait, onHold, businessHours);
            if (isResolved(history.status()) && !isResolved(status)) {
                firstSolved = firstSolved == null ? history.updatedAt() : firstSolved;
                lastSolved = history.updatedAt();
            }
            if (isResolved(status) && !isResolved(history.status())) {
                reopens++;
            }
            statusUpdatedAt = history.updatedAt();
            status = history.status();
            since = history.updatedAt();
        }
        if (!isResolved(status)) {
            count(status, since, now, agentWait, requesterWait, onHold, businessHours);
        }
        boolean resolved = isResolved(status);
        return new TicketMetric(history.ticketId(), history.replies(), reopens, assignees.size(), groups.size(),
                between(created, history.firstReplyAt(), businessHours), between(created, firstSolved, businessHours),
                resolved ? between(created, lastSolved, businessHours) : Minutes.NOT_REACHED, agentWait.minutes(),
                requesterWait.minutes(), onHold.minutes(), created, history.updatedAt(), assigned, initiallyAssigned,
                resolved ? lastSolved : null, history.latestCommentAt(), history.requesterUpdatedAt(), history.assigneeUpdatedAt(),
                statusUpdatedAt);
    }

    // Zendesk's waits: the agent waits while the ticket is pending; the requester waits while it is new, open or on hold
    private static void count(String status, Instant from, Instant to, Durations agentWait, Durations requesterWait, Durations onHold,
                              BusinessHours businessHours) {
        if (!to.isAfter(from)) {
            return;
        }
        switch (status) {
            case "pending" -> agentWait.add(from, to, businessHours);
            case "hold" -> {
                onHold.add(from, to, businessHours);
                requesterWait.add(from, to, businessHours);
            }
            case "new", "open" -> requesterWait.add(from, to, businessHours);
            default -> { }
        }
    }

    private static boolean isResolved(String status) {
        return status.equals("solved") || status.equals("closed");
    }

    private static Minutes between(Instant from, @Nullable Instant to, BusinessHours businessHours) {
        if (to == null) {
            return Minutes.NOT_REACHED;
        }
        Instant end = to.isBefore(from) ? from : to;
        return new Minutes(Duration.between(from, end).toMinutes(), businessHours.apply(from, end).toMinutes());
    }

    private static final class Durations {
        private Duration calendar = Duration.ZERO;
        private Duration business = Duration.ZERO;

        void add(Instant from, Instant to, BusinessHours businessHours) {
            calendar = calendar.plus(Duration.between(from, to));
            business = business.plus(businessHours.apply(from, to));
        }

        Minutes minutes() {
            return new Minutes(calendar.toMinutes(), business.toMinutes());
        }
    }
}
