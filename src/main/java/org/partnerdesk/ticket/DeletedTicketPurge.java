package org.partnerdesk.ticket;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue #17 item 5: tickets deleted more than 30 days ago are purged by a daily job on the job scheduler (one node runs
 * each run), in batches of one transaction each; a run that stops half-way leaves the rest for the next.
 */
@Configuration(proxyBeanMethods = false)
class DeletedTicketPurge {

    @Bean
    RecurringTask<Void> deletedTicketPurgeTask(TicketDeletions deletions, Clock clock,
            @Value("${partnerdesk.tickets.purge-interval:P1D}") Duration interval) {
        return Tasks.recurring("deleted-ticket-purge", FixedDelay.of(interval))
                .execute((instance, context) -> {
                    int purged;
                    do {
                        purged = deletions.purgeExpired(clock.instant());
                    } while (purged == TicketDeletions.PURGE_BATCH); // a full batch may have more behind it
                });
    }
}
