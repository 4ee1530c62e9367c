package org.partnerdesk.jobs;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue #17: job statuses are kept {@code partnerdesk.jobs.job-statuses-kept-for} (a day, as Zendesk keeps them); a recurring
 * job on the scheduler (one node runs each run) deletes the finished ones older than that, in batches of one transaction.
 */
@Configuration(proxyBeanMethods = false)
class JobStatusCleanup {

    @Bean
    RecurringTask<Void> jobStatusCleanupTask(JobStatuses jobs, Clock clock,
            @Value("${partnerdesk.jobs.job-status-cleanup-interval:PT1H}") Duration interval) {
        return Tasks.recurring("job-status-cleanup", FixedDelay.of(interval))
                .execute((instance, context) -> {
                    int deleted;
                    do {
                        deleted = jobs.deleteExpired(clock.instant());
                    } while (deleted == JobStatuses.CLEANUP_BATCH); // a full batch may have more behind it
                });
    }
}
