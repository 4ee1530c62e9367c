package org.partnerdesk.attachment.upload;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.partnerdesk.attachment.Attachments;
import org.partnerdesk.attachment.UploadLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** FILE-1: uploads no comment used before their token expired are removed, files and rows, by one node at a time. */
@Configuration(proxyBeanMethods = false)
class ExpiredUploadSweep {

    @Bean
    RecurringTask<Void> expiredUploadSweepTask(Attachments attachments, UploadLimits limits, Clock clock) {
        return Tasks.recurring("expired-upload-sweep", FixedDelay.of(limits.sweepInterval()))
                .execute((instance, context) -> attachments.removeExpired(clock.instant()));
    }
}
