package org.partnerdesk.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #18: the streaming replica of {@code PARTNERDESK_READ_REPLICA_URL}, its small read-only pool, and a background
 * check of its lag once a second. Reads go to it only while that check finds it within the tolerance; a connection it
 * refuses between two checks is taken from the primary instead, so a replica going down is never a request's error.
 */
final class ReadReplica implements AutoCloseable {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ReadReplica.class);
    // a standby that has replayed all it received is not behind, however old its last transaction (an idle primary);
    // a server not in recovery (a stand-in, a promoted replica) has no lag
    private static final String LAG = """
            select case when not pg_is_in_recovery() or pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                        else extract(epoch from now() - pg_last_xact_replay_timestamp()) end""";

    private final HikariDataSource pool;
    private final DataSource counted;
    private final DataSource primary;
    private final Duration tolerance;
    private final RecentWriters writers;
    private final JdbcClient db;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "replica-lag");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ReplicaLag last = ReplicaLag.NOT_YET_CHECKED;

    ReadReplica(HikariDataSource pool, boolean countQueries, DataSource primary, Duration tolerance, RecentWriters writers) {
        this.pool = pool;
        this.counted = countQueries ? new CountingDataSource(pool, false) : pool; // bench/pages.sh counts replica statements too
        this.primary = primary;
        this.tolerance = tolerance;
        this.writers = writers;
        this.db = JdbcClient.create(new ReplicaOrPrimary());
    }

    void start() {
        checker.scheduleWithFixedDelay(this::check, 0, 1, TimeUnit.SECONDS);
    }

    /** Whether this read goes to the replica: it is in use, and the person asking did not just write. */
    boolean serves() {
        return last.isInUse() && !writers.askedByRecentWriter();
    }

    JdbcClient db() {
        return db;
    }

    ReplicaLag lag() {
        return last;
    }

    /** Measures the lag (on the checker's thread, never a request's) and logs once per change of state. */
    void check() {
        ReplicaLag now;
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(LAG)) {
            rs.next();
            double seconds = rs.getDouble(1);
            now = ReplicaLag.measured(rs.wasNull() ? null : seconds, tolerance);
        } catch (SQLException | RuntimeException e) {
            now = ReplicaLag.down();
        }
        changeTo(now);
        writers.forgetEnded();
    }

    private void changeTo(ReplicaLag now) {
        ReplicaLag before = last;
        last = now;
        if (before.state() == now.state() || before == ReplicaLag.NOT_YET_CHECKED && now.isInUse()) {
            return;
        }
        switch (now.state()) {
            case IN_USE -> log.warn("Read replica {} is back within {} of the primary: lag-tolerant reads use it again",
                    pool.getJdbcUrl(), tolerance);
            case LAGGING -> log.warn("Read replica {} lags {} s, more than {}: all reads go to the primary until it catches up",
                    pool.getJdbcUrl(), now.lag() == null ? "an unknown number of" : now.lag(), tolerance);
            case DOWN -> log.warn("Read replica {} is out of reach: all reads go to the primary until it answers",
                    pool.getJdbcUrl());
        }
    }

    void fellOver() {
        changeTo(ReplicaLag.down());
    }

    @Override
    public void close() {
        checker.shutdownNow();
        pool.close();
    }

    /** The replica's connections; when it refuses one, the primary's (and the replica counts as down until the next check). */
    private final class ReplicaOrPrimary implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return counted.getConnection();
            } catch (SQLException e) {
                fellOver();
                return primary.getConnection();
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
