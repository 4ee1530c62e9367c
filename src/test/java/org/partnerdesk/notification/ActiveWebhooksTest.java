package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.partnerdesk.notification.persistence.StoredWebhooks;

/** Issue #17: a desk without active webhooks asks the database about them at most every few seconds, not on each ticket write. */
class ActiveWebhooksTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean stored = new AtomicBoolean();
    private final MovingClock clock = new MovingClock();
    private final ActiveWebhooks active = new ActiveWebhooks(storedWebhooks(), clock);

    @Test
    void withNoActiveWebhookTheDatabaseIsAskedOnceEveryFewSeconds() {
        for (int write = 0; write < 1000; write++) {
            assertThat(active.any()).isFalse();
        }
        assertThat(reads.get()).isEqualTo(1);

        clock.now = clock.now.plus(ActiveWebhooks.RECHECK_AFTER);

        assertThat(active.any()).isFalse();
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void aWebhookMadeActiveOnAnotherNodeIsSeenAfterTheRecheck() {
        assertThat(active.any()).isFalse();
        stored.set(true);

        assertThat(active.any()).as("not yet: no node told this one").isFalse();
        clock.now = clock.now.plus(ActiveWebhooks.RECHECK_AFTER);
        assertThat(active.any()).isTrue();
    }

    @Test
    void aWebhookSavedOnThisNodeIsSeenAtOnce() {
        assertThat(active.any()).isFalse();
        stored.set(true);

        active.changed();

        assertThat(active.any()).isTrue();
        assertThat(reads.get()).isEqualTo(2);
    }

    // the database's answer, counted
    private StoredWebhooks storedWebhooks() {
        StoredWebhooks webhooks = mock(StoredWebhooks.class);
        when(webhooks.anyActive()).thenAnswer(asked -> {
            reads.incrementAndGet();
            return stored.get();
        });
        return webhooks;
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
