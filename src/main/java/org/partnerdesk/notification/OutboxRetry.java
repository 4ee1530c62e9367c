package org.partnerdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.partnerdesk.notification.persistence.StoredOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * NTF-1: hands undelivered notifications (mail, chat webhooks) back to their listeners, e.g. once the server is
 * up again. The periodic retry is a job on the job scheduler, so one node resubmits, not each of them.
 * <p>
 * Issue #11: only publications whose listener failed are resubmitted, never one still in flight (that sent mail twice
 * after a hung server). One that was started and never finished, because its node died, counts as failed once its last
 * attempt is older than {@code partnerdesk.outbox.stale-after}, far longer than the SMTP timeouts let a send take.
 */
@Component
public class OutboxRetry {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

    private final IncompleteEventPublications incomplete;
    private final EventPublicationRepository publications;
    private final MailsInFlight inFlight;
    private final Clock clock;
    private final Duration olderThan;
    private final Duration staleAfter;
    private final StoredOutbox failures;

    OutboxRetry(IncompleteEventPublications incomplete, EventPublicationRepository publications, MailsInFlight inFlight, Clock clock,
                @Value("${partnerdesk.outbox.retry-after:PT30S}") Duration olderThan,
                @Value("${partnerdesk.outbox.stale-after:PT15M}") Duration staleAfter, StoredOutbox failures) {
        this.incomplete = incomplete;
        this.publications = publications;
        this.inFlight = inFlight;
        this.failures = failures;
        this.clock = clock;
        this.olderThan = olderThan;
        this.staleAfter = staleAfter;
    }

    @Bean
    static RecurringTask<Void> outboxRetryJob(OutboxRetry retry, @Value("${partnerdesk.outbox.retry-every:PT30S}") Duration every) {
        return Tasks.recurring("outbox-retry", FixedDelay.of(every)).execute((instance, context) -> retry.retry());
    }

    void retry() {
        markStaleAsFailed();
        resubmitFailed(olderThan);
        failures.forgetDelivered();
    }

    /** For tests and operators: retry every failed notification now, however recent (none in flight). */
    public void retryNow() {
        resubmitFailed(Duration.ZERO);
    }

    /** Issue #16, the console's "Retry": this one failed notification now, as the job would (not while in flight). */
    void retryNow(UUID publication) {
        resubmitFailed(Duration.ZERO, candidate -> candidate.getIdentifier().equals(publication));
    }

    private void resubmitFailed(Duration minAge) {
        resubmitFailed(minAge, publication -> true);
    }

    private void resubmitFailed(Duration minAge, Predicate<EventPublication> chosen) {
        Instant before = clock.instant().minus(minAge);
        // Modulith 2.1.1's query for failed publications drops the age for FAILED rows (its "or" binds looser than the
        // "and" it appends), so a failure of a moment ago went out again at the job's next run: the age is checked here
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(minAge)
                .withFilter(publication -> chosen.test(publication) && (minAge.isZero() || lastAttempt(publication).isBefore(before))
                        && !inFlight.isSending(publication.getEvent())));
    }

    private void markStaleAsFailed() {
        Instant before = clock.instant().minus(staleAfter);
        for (EventPublication.Status status : new EventPublication.Status[] {EventPublication.Status.PUBLISHED,
                EventPublication.Status.PROCESSING, EventPublication.Status.RESUBMITTED}) {
            for (TargetEventPublication publication : publications.findByStatus(status)) {
                if (lastAttempt(publication).isBefore(before) && !inFlight.isSending(publication.getEvent())) {
                    log.warn("The {} publication {} ({}) was started at {} and never finished; it will be retried",
                            status, publication.getIdentifier(), publication.getEvent().getClass().getSimpleName(), lastAttempt(publication));
                    publications.markFailed(publication.getIdentifier());
                }
            }
        }
    }

    private static Instant lastAttempt(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        return resubmitted != null && resubmitted.isAfter(publication.getPublicationDate()) ? resubmitted : publication.getPublicationDate();
    }
}
