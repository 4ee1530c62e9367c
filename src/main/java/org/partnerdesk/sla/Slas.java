package org.partnerdesk.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.sla.domain.BusinessCalendar;
import org.partnerdesk.sla.domain.Hours;
import org.partnerdesk.sla.domain.Metric;
import org.partnerdesk.sla.domain.Policy;
import org.partnerdesk.sla.domain.SlaMetric;
import org.partnerdesk.sla.domain.SlaTargets;
import org.partnerdesk.sla.persistence.StoredSlas;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA module's face (TKT-4). The ticket module tells it what happened to a ticket (opened, re-prioritized, status
 * changed, replied to); it keeps each ticket's reply clocks and due times, and its scan marks and announces breaches.
 * It takes ids, codes and instants, so it depends on nothing of the ticket module.
 */
@Service
public class Slas {

    private static final int SCAN_BATCH = 500;

    private final StoredSlas stored;
    private final BusinessCalendar calendar;
    private final SlaTargets targets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Slas(StoredSlas stored, BusinessCalendar calendar, SlaTargets targets, ApplicationEventPublisher events, Clock clock) {
        this.stored = stored;
        this.calendar = calendar;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    /** A new ticket: the first-reply clock starts at creation, unless its support level has no SLA (none, needs org). */
    @Transactional
    public void start(long ticketId, String supportLevel, @Nullable String priority, Instant createdAt, boolean licensingQuestion) {
        targets.policyFor(supportLevel, priority, licensingQuestion).ifPresent(policy ->
                stored.insert(SlaMetric.start(ticketId, Metric.FIRST_REPLY_TIME, policy, createdAt, calendar)));
    }

    /**
     * TKT-3: a manual priority change (or a new decision that changes the support level) re-computes the running clock's
     * target from its start. A ticket that had no SLA and now has one starts its first-reply clock now; one that loses
     * its SLA keeps its history, and its running clock is closed.
     */
    @Transactional
    public void priorityChanged(long ticketId, String supportLevel, @Nullable String priority, Instant at, boolean licensingQuestion) {
        List<SlaMetric> metrics = stored.ofTicket(ticketId);
        Optional<Policy> policy = targets.policyFor(supportLevel, priority, licensingQuestion);
        if (metrics.isEmpty()) {
            start(ticketId, supportLevel, priority, at, licensingQuestion);
            return;
        }
        change(metrics, m -> policy.map(p -> m.retarget(p, calendar)).orElseGet(() -> m.achieve(at)));
    }

    /** TKT-4: pending on the customer pauses the clock, leaving pending resumes it; solved or closed ends the wait. */
    @Transactional
    public void statusChanged(long ticketId, String status, Instant at) {
        UnaryOperator<SlaMetric> transition = switch (status) {
            case "pending" -> m -> m.pause(at);
            case "solved", "closed" -> m -> m.resume(at, calendar).achieve(at);
            default -> m -> m.resume(at, calendar);
        };
        change(stored.ofTicket(ticketId), transition);
    }

    /**
     * Issue #17 item 5: a deleted ticket's running clocks pause, so the breach scan (which reads active clocks only) never
     * alerts on it; one already past due is marked breached without an alert, as a pause marks it (TKT-4).
     */
    @Transactional
    public void ticketDeleted(long ticketId, Instant at) {
        change(stored.ofTicket(ticketId), m -> m.pause(at));
    }

    /** A restored ticket's clocks run again as its status says (pending stays paused); the time in the bin does not count. */
    @Transactional
    public void ticketRestored(long ticketId, String status, Instant at) {
        statusChanged(ticketId, status, at);
    }

    /** A public reply by an agent: the awaited reply (first or next) is given. */
    @Transactional
    public void agentReplied(long ticketId, Instant at) {
        change(stored.ofTicket(ticketId), m -> m.achieve(at));
    }

    /**
     * A comment by the requester (or anyone not staff): the next-reply clock starts, unless the ticket already waits for
     * an agent's reply. Only a ticket that has an SLA gets one; it runs under the ticket's latest terms.
     */
    @Transactional
    public void requesterReplied(long ticketId, Instant at) {
        List<SlaMetric> metrics = stored.ofTicket(ticketId);
        if (metrics.isEmpty() || metrics.stream().anyMatch(SlaMetric::isAwaitingReply)) {
            return;
        }
        SlaMetric.Terms latest = metrics.getLast().terms();
        targets.policyFor(latest.supportLevel(), latest.priority(), SlaTargets.isLicensing(latest.policy())).ifPresent(policy ->
                stored.insert(SlaMetric.start(ticketId, Metric.NEXT_REPLY_TIME, policy, at, calendar)));
    }

    /**
     * TKT-4 for a ticket not yet opened (the decision preview): the first-reply target {@link #start} would set; empty
     * when the support level has no SLA.
     */
    public Optional<ReplyTarget> firstReplyTarget(String supportLevel, @Nullable String priority, boolean licensingQuestion) {
        return targets.policyFor(supportLevel, priority, licensingQuestion).map(policy -> new ReplyTarget(policy.name(), policy.priority(),
                policy.firstReply().minutes(), policy.firstReply().hours() == Hours.BUSINESS));
    }

    /**
     * TKT-4 business hours between two instants, on the calendar the reply targets use: issue #17's ticket metrics
     * report their business minutes on it, so the desk keeps one calendar.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        return calendar.businessTimeBetween(from, to);
    }

    /** SPEC 7 {@code slas.policy_metrics}, oldest first. */
    public List<PolicyMetric> metrics(long ticketId) {
        Instant now = clock.instant();
        return stored.ofTicket(ticketId).stream()
                .map(m -> new PolicyMetric(m.metric().code(), m.stage().code(), m.breachAt(), m.minutesLeft(now, calendar)))
                .toList();
    }

    /**
     * TKT-4 breach detection: marks every active clock due before {@code now} as breached, once, and publishes
     * {@link SlaBreached} for each (the event publication registry delivers them after commit). Returns what it marked.
     */
    @Transactional
    public List<SlaBreached> markBreaches(Instant now) {
        List<SlaBreached> marked = new ArrayList<>();
        List<SlaMetric> due;
        do {
            due = stored.dueForUpdate(now, SCAN_BATCH);
            for (SlaMetric metric : due) {
                SlaMetric breached = metric.breach(now);
                stored.update(breached);
                SlaBreached event = new SlaBreached(breached.ticketId(), breached.metric().code(), breached.breachAt());
                events.publishEvent(event);
                marked.add(event);
            }
        } while (due.size() == SCAN_BATCH);
        return marked;
    }

    private void change(List<SlaMetric> metrics, UnaryOperator<SlaMetric> transition) {
        for (SlaMetric metric : metrics) {
            SlaMetric after = transition.apply(metric);
            if (!after.equals(metric)) {
                stored.update(after);
            }
        }
    }
}
