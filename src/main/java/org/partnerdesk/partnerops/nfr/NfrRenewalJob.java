package org.partnerdesk.partnerops.nfr;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.partnerdesk.partnerops.NfrRenewals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** PO-3: NFR renewals and reminders run as a job on the job scheduler, so one node does each run; runs are idempotent. */
@Configuration(proxyBeanMethods = false)
class NfrRenewalJob {

    @Bean
    RecurringTask<Void> nfrRenewalScan(NfrRenewals renewals, Clock clock,
            @Value("${partnerdesk.nfr.renewal-scan-interval:PT1H}") Duration interval) {
        return Tasks.recurring("nfr-renewals", FixedDelay.of(interval))
                .execute((instance, context) -> renewals.run(LocalDate.now(clock)));
    }
}
