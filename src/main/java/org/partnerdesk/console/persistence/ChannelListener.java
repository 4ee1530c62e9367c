package org.partnerdesk.console.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * UI-1 live updates: one thread per node with its own PostgreSQL connection (outside the pool, which it would hold
 * forever) running {@code LISTEN partnerdesk_live}. Every notice any node sends is handed to the {@link Receiver}; a
 * lost connection is opened again after 1 s, doubling to 30 s, and the receiver resyncs, since notices sent meanwhile
 * are lost.
 */
@Component
public class ChannelListener implements SmartLifecycle {

    /** Who hears the notices: this node's live streams. */
    public interface Receiver {

        /** A notice's payload, on the listener's thread: hand it over, don't work on it here. */
        void deliver(String payload);

        /** Listening (again): notices sent while not listening are lost. */
        void resync();
    }

    /** The live channel's lifecycle phase: after the pool and the embedded PostgreSQL start, before they stop. */
    static final int PHASE = Integer.MAX_VALUE - 1_000;

    private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);
    private static final int WAIT_MILLIS = 5_000;
    /** A silent connection is asked whether it is alive this often: a dead network would otherwise go unnoticed. */
    private static final Duration CHECK_AFTER = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Receiver receiver;
    private volatile boolean running;
    private volatile @Nullable Connection connection;
    private @Nullable Thread thread;

    ChannelListener(DataSource dataSource, Receiver receiver) {
        this.dataSource = dataSource;
        this.receiver = receiver;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("live-listener").daemon().start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close(); // wakes the thread out of its wait for notices
            } catch (SQLException e) {
                log.debug("Closing the live connection", e);
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(WAIT_MILLIS + 1_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the pool and the embedded PostgreSQL, starts after them. */
    @Override
    public int getPhase() {
        return PHASE;
    }

    private void listen() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Connection open = connect()) {
                connection = open;
                try (Statement statement = open.createStatement()) {
                    statement.execute("LISTEN " + LiveChannel.NAME);
                }
                retry = FIRST_RETRY;
                receiver.resync();
                receive(open);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Live updates lost their PostgreSQL connection; listening again in {} s: {}", retry.toSeconds(), e.toString());
                if (!sleep(retry)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void receive(Connection open) throws SQLException {
        PGConnection postgres = open.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notices = postgres.getNotifications(WAIT_MILLIS);
            if (notices != null && notices.length > 0) {
                for (PGNotification notice : notices) {
                    handOver(notice.getParameter());
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK_AFTER.toNanos()) {
                if (!open.isValid(5)) {
                    throw new SQLException("the live connection stopped answering");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void handOver(String payload) {
        try {
            receiver.deliver(payload);
        } catch (RuntimeException e) {
            log.warn("A live notice could not be delivered: {}", payload, e);
        }
    }

    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "partnerdesk-live");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
