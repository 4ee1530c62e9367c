package org.partnerdesk.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Issue #18: {@code /actuator/health/replica}, the last lag check (state, lag in seconds), read without touching the
 * replica. It is its own group and outside readiness and the overall status ({@code api.OutsideOverallHealth}): a
 * replica down or behind sends reads to the primary, the node keeps serving.
 */
final class ReplicaHealth implements HealthIndicator {

    static final String NAME = "readReplica"; // the contributor (bean readReplicaHealthIndicator)
    static final String GROUP = "replica";

    private final ReadReplica replica;

    ReplicaHealth(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public Health health() {
        ReplicaLag lag = replica.lag();
        Health.Builder health = lag.isInUse() ? Health.up() : Health.down();
        health.withDetail("state", lag.state().name().toLowerCase(java.util.Locale.ROOT));
        if (lag.lag() != null) {
            health.withDetail("lag_seconds", lag.lag());
        }
        return health.withDetail("reads", lag.isInUse() ? "replica" : "primary").build();
    }
}
