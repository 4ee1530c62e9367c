package org.partnerdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.partnerdesk.notification.persistence.StoredWebhooks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issue #17: whether any webhook is active, so that a ticket write on a desk without webhooks reads nothing for them. The
 * answer is kept in memory and read again from the database at most every {@link #RECHECK_AFTER}, so a webhook made active
 * on another node is called within that long; a webhook saved on this node is seen at once.
 */
@Component
class ActiveWebhooks {

    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

    private final StoredWebhooks webhooks;
    private final Clock clock;
    private volatile Known known = new Known(false, Instant.MIN);

    /** What the database said, and when. */
    private record Known(boolean anyActive, Instant checkedAt) {
    }

    ActiveWebhooks(StoredWebhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** False only when no webhook was active at the last look, at most {@link #RECHECK_AFTER} ago. */
    boolean any() {
        Known now = known;
        Instant at = clock.instant();
        if (now.checkedAt().plus(RECHECK_AFTER).isAfter(at)) {
            return now.anyActive();
        }
        boolean anyActive = webhooks.anyActive();
        known = new Known(anyActive, at);
        return anyActive;
    }

    /**
     * A webhook was created, changed or deleted in this transaction: until it ends, ticket writes look them up (true is always
     * safe, it only costs the lookup), and the first look after it commits reads the database again.
     */
    void changed() {
        known = new Known(true, Instant.MAX.minus(RECHECK_AFTER));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    known = new Known(true, Instant.MIN);
                }
            });
        } else {
            known = new Known(true, Instant.MIN);
        }
    }
}
