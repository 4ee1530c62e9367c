package org.partnerdesk.database;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue #14 budgets (server time p95 at most 50 ms, at most 15 SQL statements per page): each answer says what it cost,
 * {@code X-Query-Count: 7} and {@code Server-Timing: app;dur=4.2}, for bench/pages.sh. Outermost filter, so the session
 * store's statements and the security chain count too; a streamed answer (server-sent events) carries what it cost until
 * its first flush. Registered only with {@code partnerdesk.bench.query-count} on.
 */
final class RequestCost extends OncePerRequestFilter {

    static final String QUERY_COUNT = "X-Query-Count";
    static final String SERVER_TIMING = "Server-Timing";
    /** The request attribute holding this request's counter. */
    static final String COUNTER = RequestCost.class.getName() + ".statements";

    // the session store saves after Spring's request holder is reset, so the counter is bound to the worker for the request
    private static final ThreadLocal<AtomicInteger> CURRENT = new ThreadLocal<>();
    // headers go out with the first byte: a page up to this size stays in the buffer until its cost is known
    private static final int BUFFER = 1 << 20;

    static void statementExecuted() {
        AtomicInteger counter = CURRENT.get();
        if (counter != null) {
            counter.incrementAndGet();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AtomicInteger counter = new AtomicInteger();
        request.setAttribute(COUNTER, counter);
        response.setBufferSize(BUFFER);
        Costed costed = new Costed(response, counter, System.nanoTime());
        CURRENT.set(counter);
        try {
            chain.doFilter(request, costed);
        } finally {
            CURRENT.remove();
        }
        // an answer nobody flushed (the API's JSON) is committed after the filters: its cost is complete here
        if (!response.isCommitted() && !request.isAsyncStarted()) {
            costed.tell();
        }
    }

    /**
     * A page is flushed by its view (Thymeleaf writes the whole page, then flushes): the headers go out just before, when
     * the session store (whose wrapper sits inside this one) has saved the session too.
     */
    private static final class Costed extends OnCommittedResponseWrapper {

        private final HttpServletResponse response;
        private final AtomicInteger counter;
        private final long started;
        private boolean told;

        Costed(HttpServletResponse response, AtomicInteger counter, long started) {
            super(response);
            this.response = response;
            this.counter = counter;
            this.started = started;
        }

        @Override
        protected void onResponseCommitted() {
            tell();
        }

        void tell() {
            if (told || response.isCommitted()) {
                return;
            }
            told = true;
            response.setHeader(QUERY_COUNT, Integer.toString(counter.get()));
            response.setHeader(SERVER_TIMING, String.format(Locale.ROOT, "app;dur=%.1f", (System.nanoTime() - started) / 1e6));
        }
    }
}
