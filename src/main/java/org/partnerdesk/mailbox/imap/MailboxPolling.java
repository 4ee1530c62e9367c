package org.partnerdesk.mailbox.imap;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.partnerdesk.mailbox.MailboxSettings;
import org.partnerdesk.mailbox.PartnerMailbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** PO-6: the mailbox is polled by a job on the job scheduler (one node at a time); without a host there is no job. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${partnerdesk.mailbox.host:}'.isBlank()")
class MailboxPolling {

    @Bean
    RecurringTask<Void> partnerMailboxPoll(PartnerMailbox mailbox, MailboxSettings settings) {
        return Tasks.recurring("partner-mailbox-poll", FixedDelay.of(settings.pollInterval()))
                .execute((instance, context) -> {
                    try {
                        mailbox.poll();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException("the partner mailbox could not be read: " + e.getMessage(), e);
                    }
                });
    }
}
