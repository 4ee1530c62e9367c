package org.partnerdesk.notification;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** NTF-1: hands undelivered notifications (mail, chat webhooks) back to their listeners, e.g. once the server is up again. */
@Component
public class OutboxRetry {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    OutboxRetry(IncompleteEventPublications incomplete, @Value("${partnerdesk.outbox.retry-after:PT30S}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${partnerdesk.outbox.retry-every:PT30S}", initialDelayString = "PT30S")
    void retry() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }

    /** For tests and operators: retry everything not yet delivered, now. */
    public void retryNow() {
        incomplete.resubmitIncompletePublications(publication -> true);
    }
}
