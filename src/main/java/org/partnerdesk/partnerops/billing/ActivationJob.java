package org.partnerdesk.partnerops.billing;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.partnerdesk.partnerops.BillingAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** PO-5: runs a billing account's activation when its time has come (a failure is retried later by the scheduler). */
@Configuration(proxyBeanMethods = false)
class ActivationJob {

    @Bean
    OneTimeTask<Void> billingAccountActivation(BillingAccounts accounts, Clock clock) {
        return Tasks.oneTime(ActivationSchedule.ACTIVATION).execute((instance, context) -> {
            Instant due = context.getExecution().getExecutionTime();
            Instant now = clock.instant();
            accounts.activate(Long.parseLong(instance.getId()), now.isAfter(due) ? now : due);
        });
    }
}
