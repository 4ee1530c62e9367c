package org.partnerdesk.identity;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ended attempt windows are deleted hourly by a job (one node runs it), so the table holds about a day of keys. */
@Configuration(proxyBeanMethods = false)
class AttemptCleanup {

    @Bean
    RecurringTask<Void> attemptCleanupTask(Attempts attempts, Clock clock) {
        return Tasks.recurring("attempt-cleanup", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> attempts.forgetEndedWindows(clock.instant()));
    }
}
