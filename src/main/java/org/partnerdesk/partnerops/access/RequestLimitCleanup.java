package org.partnerdesk.partnerops.access;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ended rate-limit windows are deleted by a job (one node runs it), so the table holds about one window of keys. */
@Configuration(proxyBeanMethods = false)
class RequestLimitCleanup {

    @Bean
    RecurringTask<Void> requestLimitCleanupTask(RequestLimits limits, OnboardingSettings settings, Clock clock) {
        return Tasks.recurring("request-limit-cleanup", FixedDelay.of(settings.limitWindow()))
                .execute((instance, context) -> limits.forgetEndedWindows(clock.instant()));
    }
}
