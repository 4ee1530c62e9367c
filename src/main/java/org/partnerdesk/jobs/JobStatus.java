package org.partnerdesk.jobs;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Issue #17 item 3: a bulk job as Zendesk's {@code job_statuses} show it: {@code queued}, {@code working},
 * {@code completed} or {@code failed}, how many records it has and has done, and each done record's result.
 */
public record JobStatus(String id, String jobType, long startedBy, String status, int total, List<JobResult> results,
                        @Nullable String message, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

    public JobStatus {
        results = List.copyOf(results);
    }

    public int progress() {
        return results.size();
    }

    public JobStatus withResults(List<JobResult> results) {
        return new JobStatus(id, jobType, startedBy, status, total, results, message, createdAt, startedAt, finishedAt);
    }
}
