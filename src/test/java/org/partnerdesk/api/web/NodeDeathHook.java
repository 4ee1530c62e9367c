package org.partnerdesk.api.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test hook, inside the idempotency filter: {@code X-Test-Node: dies-after-handler} lets the handler finish, then acts out
 * a {@code kill -9} of the node at that instant: its database session ends (as PostgreSQL ends the session of a client
 * that went away) and nothing after this point runs. {@code X-Test-Node: slow} holds the answer for a second after the
 * handler answered.
 */
@Order(-40)
class NodeDeathHook extends OncePerRequestFilter {

    static final String HEADER = "X-Test-Node";
    /** Counted down when a slow request's handler has answered (its claim and writes are in, not yet committed). */
    static volatile CountDownLatch slowAnswered = new CountDownLatch(1);

    private final DataSource dataSource;

    NodeDeathHook(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        String act = request.getHeader(HEADER);
        if ("slow".equals(act)) {
            slowAnswered.countDown();
            sleep();
        } else if ("dies-after-handler".equals(act)) {
            endOwnDatabaseSession();
            throw new NodeDied();
        }
    }

    private void endOwnDatabaseSession() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return; // nothing of this request is still open in the database
        }
        try (Connection other = dataSource.getConnection()) {
            Connection own = DataSourceUtils.getConnection(dataSource);
            int pid;
            try (var query = own.createStatement(); var rs = query.executeQuery("select pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (var kill = other.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                kill.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An Error, like the end of the process: nothing catches it on its way out. */
    static final class NodeDied extends Error {
        NodeDied() {
            super("test hook: the node died here");
        }
    }
}
