package org.partnerdesk.sla.config;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.partnerdesk.sla.Slas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TKT-4: breaches are found by a background job on the job scheduler (one node runs each scan);
 * {@code for update skip locked} in {@link Slas#markBreaches} keeps a slow scan and the next one apart.
 */
@Configuration(proxyBeanMethods = false)
class BreachScan {

    @Bean
    RecurringTask<Void> slaBreachScan(Slas slas, Clock clock,
            @Value("${partnerdesk.sla.breach-scan-interval}") Duration interval) {
        return Tasks.recurring("sla-breach-scan", FixedDelay.of(interval))
                .execute((instance, context) -> slas.markBreaches(clock.instant()));
    }
}
