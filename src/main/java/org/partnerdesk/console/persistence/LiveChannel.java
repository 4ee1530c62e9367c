package org.partnerdesk.console.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * UI-1 live updates: the PostgreSQL channel every node listens on. A notice asked for inside a transaction leaves when
 * it commits and never if it rolls back, so a browser hears only of changes that were saved.
 * <p>
 * Issue #19: notices leave after the commit, from one thread per node, everything waiting in one statement. A NOTIFY
 * inside the writing transaction holds PostgreSQL's database-wide notify lock until its commit is flushed, so every
 * intake waited for the one before it (the replayed intake did 600-635/s at 8 clients with it, 737-792/s without).
 * A notice lost with its node is what a browser already survives: the listener resyncs when it reconnects.
 */
@Repository
public class LiveChannel implements SmartLifecycle {

    public static final String NAME = "partnerdesk_live";

    private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);
    /** Far more than a node's browsers can use; beyond it the database is not answering and the notices would be stale. */
    private static final int MOST_WAITING = 10_000;
    /** PostgreSQL's notice queue takes 8,000 bytes a payload; ours are under 100, so this bounds one statement. */
    private static final int MOST_PER_STATEMENT = 500;

    private final JdbcClient db;
    private final BlockingQueue<String> waiting = new LinkedBlockingQueue<>(MOST_WAITING);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private @Nullable Thread sender;

    LiveChannel(JdbcClient db) {
        this.db = db;
    }

    /** Sends {@code payload} to every node once the caller's transaction commits (at once outside one). */
    public void send(String payload) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(payload);
                }
            });
        } else {
            queue(payload);
        }
    }

    private void queue(String payload) {
        if (!waiting.offer(payload)) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        sender = Thread.ofPlatform().name("live-sender").daemon().start(this::sendWhileRunning);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (sender != null) {
            sender.interrupt();
            try {
                sender.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sender = null;
        }
        sendWaiting(); // a change saved just before the stop still reaches the other nodes
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the pool and the embedded PostgreSQL, as the listener does. */
    @Override
    public int getPhase() {
        return ChannelListener.PHASE;
    }

    private void sendWhileRunning() {
        while (running) {
            try {
                String first = waiting.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    List<String> batch = new ArrayList<>();
                    batch.add(first);
                    waiting.drainTo(batch, MOST_PER_STATEMENT - 1);
                    sendNow(batch);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sendWaiting() {
        List<String> batch = new ArrayList<>();
        while (waiting.drainTo(batch, MOST_PER_STATEMENT) > 0) {
            sendNow(batch);
            batch.clear();
        }
    }

    private void sendNow(List<String> batch) {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} live notices were dropped while {} waited to be sent", lost, MOST_WAITING);
        }
        try {
            // the same notice twice in one batch tells the browsers nothing more (a burst of intakes, say)
            String[] payloads = new LinkedHashSet<>(batch).toArray(String[]::new);
            // a notice is no saved data: its transaction need not wait for the WAL flush (nor hold the notify lock that long)
            db.sql("select pg_notify(?, payload) from unnest(?::text[]) payload, set_config('synchronous_commit', 'off', true)")
                    .params(NAME, payloads).query((rs, n) -> 1).list();
        } catch (RuntimeException e) {
            log.warn("{} live notices could not be sent; browsers catch up when they next load or reconnect: {}", batch.size(), e.toString());
        }
    }
}
