package org.partnerdesk.jobs;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Issue #16: one db-scheduler task as its executions in {@code scheduled_tasks} show it: the next run, the last success and
 * failure, and the nodes running it now. A one-time task's executions are removed once they succeed, so a task with
 * nothing scheduled has no row and shows only its name.
 */
public record Job(String name, int scheduled, @Nullable Instant nextRun, List<String> runningOn, @Nullable Instant lastSuccess,
                  @Nullable Instant lastFailure, int consecutiveFailures) {

    public static Job idle(String name) {
        return new Job(name, 0, null, List.of(), null, null, 0);
    }

    public @Nullable Instant lastRun() {
        if (lastSuccess == null) {
            return lastFailure;
        }
        return lastFailure != null && lastFailure.isAfter(lastSuccess) ? lastFailure : lastSuccess;
    }

    public boolean lastRunFailed() {
        return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
    }
}
