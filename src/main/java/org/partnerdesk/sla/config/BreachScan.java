package org.partnerdesk.sla.config;

import java.time.Clock;

import org.partnerdesk.sla.Slas;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * TKT-4: breaches are found by a background job. Every node runs it; {@code for update skip locked} in
 * {@link Slas#markBreaches} hands each due metric to exactly one of them, so no leader election is needed.
 */
@Component
class BreachScan {

    private final Slas slas;
    private final Clock clock;

    BreachScan(Slas slas, Clock clock) {
        this.slas = slas;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${partnerdesk.sla.breach-scan-interval}", initialDelayString = "${partnerdesk.sla.breach-scan-interval}")
    void markBreaches() {
        slas.markBreaches(clock.instant());
    }
}
