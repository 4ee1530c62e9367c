package org.partnerdesk.database;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
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

    /**
     * One lag-tolerant read, given the client to run it on; writes and every other read use the primary's {@link JdbcClient}
     * as before. A read the replica fails midway (it stopped, and a pooled connection found out) runs again on the primary.
     */
    public <T> T read(Function<JdbcClient, T> query) {
        ReadReplica serving = replica != null && replica.serves() ? replica : null;
        if (serving == null) {
            return query.apply(primary);
        }
        try {
            return query.apply(serving.db());
        } catch (DataAccessResourceFailureException | TransientDataAccessResourceException replicaGone) {
            serving.fellOver(); // until its next check answers
            return query.apply(primary);
        }
    }
}
