package org.partnerdesk.notification;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * NTF-1: hands undelivered notifications (mail, chat webhooks) back to their listeners, e.g. once the server is
 * up again. The periodic retry is a job on the job scheduler, so one node resubmits, not each of them.
 */
@Component
public class OutboxRetry {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    OutboxRetry(IncompleteEventPublications incomplete, @Value("${partnerdesk.outbox.retry-after:PT30S}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Bean
    static RecurringTask<Void> outboxRetryJob(OutboxRetry retry, @Value("${partnerdesk.outbox.retry-every:PT30S}") Duration every) {
        return Tasks.recurring("outbox-retry", FixedDelay.of(every)).execute((instance, context) -> retry.retry());
    }

    void retry() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }

    /** For tests and operators: retry everything not yet delivered, now. */
    public void retryNow() {
        incomplete.resubmitIncompletePublications(publication -> true);
    }
}
