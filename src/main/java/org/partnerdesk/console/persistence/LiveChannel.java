package org.partnerdesk.console.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * UI-1 live updates: the PostgreSQL channel every node listens on. A notice sent inside a transaction reaches the
 * listeners when it commits and never if it rolls back, so a browser hears only of changes that were saved.
 */
@Repository
public class LiveChannel {

    public static final String NAME = "partnerdesk_live";

    private final JdbcClient db;

    LiveChannel(JdbcClient db) {
        this.db = db;
    }

    /** One statement on the writer's own connection: the intake path pays this and nothing else (no SELECT of its own). */
    public void send(String payload) {
        db.sql("select pg_notify(?, ?)").params(NAME, payload).query((rs, n) -> 1).list();
    }
}
