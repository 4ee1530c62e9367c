package org.partnerdesk.sla.domain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One reply clock of one ticket (TKT-4). It runs from {@code startedAt}; its due time is the start plus the target plus
 * the time it spent paused, all on its own clock, so a pause and a re-targeting compose without drift.
 * Each transition returns the metric as it is afterwards and refuses nothing silently: it answers itself unchanged
 * when the transition does not apply to its stage.
 */
public record SlaMetric(long id, long ticketId, Metric metric, Terms terms, Stage stage, Instant startedAt,
                        @Nullable Instant breachAt, @Nullable Instant pausedAt, Duration pausedTime,
                        @Nullable Instant achievedAt, @Nullable Instant breachedAt) {

    /** What the metric was measured against, as it was when set: later changes to the settings do not rewrite it. */
    public record Terms(String policy, String supportLevel, @Nullable String priority, Target target) {

        public static Terms of(Policy policy, Metric metric) {
            return new Terms(policy.name(), policy.supportLevel(), policy.priority(), policy.target(metric));
        }
    }

    /** A clock that starts now under a policy. */
    public static SlaMetric start(long ticketId, Metric metric, Policy policy, Instant at, BusinessCalendar calendar) {
        Target target = policy.target(metric);
        return new SlaMetric(0, ticketId, metric, Terms.of(policy, metric), Stage.ACTIVE, at,
                calendar.plus(target.hours(), at, target.time()), null, Duration.ZERO, null, null);
    }

    public Target target() {
        return terms.target();
    }

    /** Still owed a reply: running, paused, or breached and not yet answered. */
    public boolean isAwaitingReply() {
        return achievedAt == null;
    }

    public boolean isRunning() {
        return stage == Stage.ACTIVE || stage == Stage.PAUSED;
    }

    /** TKT-4: pending on the customer stops the clock; a clock already past due is breached instead. */
    public SlaMetric pause(Instant at) {
        if (stage != Stage.ACTIVE) {
            return this;
        }
        if (breachAt != null && !breachAt.isAfter(at)) {
            return breach(at);
        }
        return new SlaMetric(id, ticketId, metric, terms, Stage.PAUSED, startedAt, null, at, pausedTime, achievedAt, breachedAt);
    }

    /** Leaving pending: the paused time (on the metric's own clock) pushes the due time back. */
    public SlaMetric resume(Instant at, BusinessCalendar calendar) {
        if (stage != Stage.PAUSED || pausedAt == null) {
            return this;
        }
        Duration paused = pausedTime.plus(max(Duration.ZERO, calendar.timeBetween(target().hours(), pausedAt, at)));
        return new SlaMetric(id, ticketId, metric, terms, Stage.ACTIVE, startedAt,
                dueTime(calendar, terms.target(), paused), null, paused, achievedAt, breachedAt);
    }

    /** A public reply by an agent, or the ticket solved: the wait is over. A breached metric stays breached. */
    public SlaMetric achieve(Instant at) {
        if (achievedAt != null) {
            return this;
        }
        Stage after = stage == Stage.BREACHED ? Stage.BREACHED : Stage.ACHIEVED;
        return new SlaMetric(id, ticketId, metric, terms, after, startedAt, stage == Stage.PAUSED ? null : breachAt, null,
                pausedTime, at, breachedAt);
    }

    /** The breach scan found it past due (marks once: only an active metric can breach). */
    public SlaMetric breach(Instant at) {
        if (stage != Stage.ACTIVE) {
            return this;
        }
        return new SlaMetric(id, ticketId, metric, terms, Stage.BREACHED, startedAt, breachAt, null, pausedTime, achievedAt, at);
    }

    /** TKT-3: a new priority (or support level) re-computes the target of a running clock from its start. */
    public SlaMetric retarget(Policy newPolicy, BusinessCalendar calendar) {
        if (!isRunning()) {
            return this;
        }
        Terms newTerms = Terms.of(newPolicy, metric);
        Instant due = stage == Stage.ACTIVE ? dueTime(calendar, newTerms.target(), pausedTime) : null;
        return new SlaMetric(id, ticketId, metric, newTerms, stage, startedAt, due, pausedAt, pausedTime, achievedAt, breachedAt);
    }

    /**
     * Zendesk's {@code minutes}: time left before the breach on the metric's own clock, negative once past due; for a
     * paused metric what was left when it paused; none once achieved.
     */
    public @Nullable Long minutesLeft(Instant now, BusinessCalendar calendar) {
        Hours hours = target().hours();
        return switch (stage) {
            case ACTIVE, BREACHED -> breachAt == null ? null
                    : calendar.timeBetween(hours, achievedAt != null ? achievedAt : now, breachAt).toMinutes();
            case PAUSED -> pausedAt == null ? null : target().time().plus(pausedTime)
                    .minus(calendar.timeBetween(hours, startedAt, pausedAt)).toMinutes();
            case ACHIEVED -> null;
        };
    }

    private Instant dueTime(BusinessCalendar calendar, Target target, Duration paused) {
        return calendar.plus(target.hours(), startedAt, target.time().plus(paused));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
