package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Issue #11: mail and webhook listeners run on a bounded pool of their own, not on the request workers. */
class OutboxThreadsTest extends ApiTest {

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listeners;

    @Test
    void theListenersRunOnFourOutboxThreads() {
        assertThat(listeners.getMaxPoolSize()).isEqualTo(4);
        assertThat(listeners.getThreadNamePrefix()).isEqualTo("outbox-");
    }
}
