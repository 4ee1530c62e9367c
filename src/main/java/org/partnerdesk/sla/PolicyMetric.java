package org.partnerdesk.sla;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of {@code slas.policy_metrics} (SPEC 7): {@code metric} {@code first_reply_time|next_reply_time},
 * {@code stage} {@code active|paused|achieved|breached}, when it breaches (none while paused), and the minutes left
 * on its clock (negative once breached, none once achieved).
 */
public record PolicyMetric(String metric, String stage, @Nullable Instant breachAt, @Nullable Long minutes) {
}
