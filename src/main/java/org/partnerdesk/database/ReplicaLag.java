package org.partnerdesk.database;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Issue #18: what the last check found of the replica: in use, lagging more than the tolerance, or out of reach.
 * {@code lag} is in seconds, null when unknown (the replica is down, or a standby that has replayed nothing).
 */
record ReplicaLag(State state, @Nullable Double lag) {

    enum State { IN_USE, LAGGING, DOWN }

    static final ReplicaLag NOT_YET_CHECKED = new ReplicaLag(State.DOWN, null);

    static ReplicaLag down() {
        return new ReplicaLag(State.DOWN, null);
    }

    /** A replica behind by more than the tolerance, or by an unknown time, serves no read: the primary does. */
    static ReplicaLag measured(@Nullable Double lag, Duration tolerance) {
        boolean within = lag != null && lag * 1000 <= tolerance.toMillis();
        return new ReplicaLag(within ? State.IN_USE : State.LAGGING, lag);
    }

    boolean isInUse() {
        return state == State.IN_USE;
    }
}
