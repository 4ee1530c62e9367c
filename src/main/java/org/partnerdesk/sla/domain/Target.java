package org.partnerdesk.sla.domain;

import java.time.Duration;

/** How long a reply may take, and on which clock it is counted. */
public record Target(Duration time, Hours hours) {

    public Target {
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("an SLA target must be positive: " + time);
        }
    }

    public long minutes() {
        return time.toMinutes();
    }
}
