package org.partnerdesk.database;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #18: the reads that tolerate a second of lag (search, queue counts, incremental exports, metric lists) ask here
 * for their connection. With {@code PARTNERDESK_READ_REPLICA_URL} unset this is the primary's own client and nothing
 * else. With it set, the replica's, unless the replica is down or lags more than its tolerance ({@link ReplicaLag}),
 * or the person asking wrote within the last seconds ({@link RecentWriters}): then the primary's, so nobody sees their
 * own change vanish and a failing replica is never an error.
 */
public final class LagTolerantReads {

    private final JdbcClient primary;
    private final @Nullable ReadReplica replica;

    LagTolerantReads(JdbcClient primary, @Nullable ReadReplica replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /** The client for one lag-tolerant read; writes and every other read use the primary's {@link JdbcClient} as before. */
    public JdbcClient db() {
        return replica != null && replica.serves() ? replica.db() : primary;
    }
}
