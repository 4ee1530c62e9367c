package org.partnerdesk.api.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11 item 7: while PostgreSQL cannot be reached, every request answers 503 with {@code Retry-After} in the API's
 * error shape, wherever it failed (the authentication filter, a controller, the idempotency filter's commit), after the
 * pool's short connect timeout ({@code PARTNERDESK_DB_CONNECT_TIMEOUT}) instead of holding a worker for 30 s.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // around the security chain, whose token lookup is the first query of a request
class DatabaseOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    static final String RETRY_AFTER_SECONDS = "10";

    private final JsonMapper json;

    DatabaseOutage(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!explains(e) || response.isCommitted()) {
                throw e;
            }
            answer(response, e);
        }
    }

    /** Whether {@code failure} is the database being out of reach rather than anything about the request. */
    static boolean explains(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    static ApiException refusal() {
        return new ApiException(503, "DatabaseUnavailable",
                "The desk cannot reach its database right now; nothing was changed. Retry after " + RETRY_AFTER_SECONDS + " seconds.");
    }

    private void answer(HttpServletResponse response, Exception e) throws IOException {
        // one line per request, no stack trace: an outage fails every request the same way
        log.warn("Database unavailable: {} {}", String.valueOf(e), e.getCause() == null ? "" : "(" + e.getCause() + ")");
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        ErrorResponses.write(response, refusal(), json);
    }
}
