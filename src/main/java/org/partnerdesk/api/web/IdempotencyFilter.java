package org.partnerdesk.api.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.partnerdesk.api.NeverReplayed;
import org.partnerdesk.api.persistence.StoredIdempotentRequests;
import org.partnerdesk.api.persistence.StoredIdempotentRequests.Kept;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-1 {@code Idempotency-Key} on POST: the first response for a key is stored and replayed
 * ({@code x-idempotency-lookup: hit}); the same key with another request is a 400. Keys live 24 hours.
 * <p>
 * The claim of the key, the request's own writes and the stored answer are one database transaction: the facades'
 * {@code @Transactional} methods join it, and the answer is written into the claim row before the commit, so a
 * committed ticket always has its stored answer and a node that dies mid-request leaves neither (PostgreSQL rolls back
 * the transaction of a connection that went away). A retry then finds no claim and does the request once. A second
 * request with the same key waits on the first one's uncommitted claim, then replays its answer.
 */
@Component
@Order(-50) // after the security filter chain (-100), so the key is scoped to the authenticated user
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    static final String HEADER = "Idempotency-Key";
    static final String LOOKUP = "x-idempotency-lookup";
    private static final int MAX_BODY = 1 << 20;

    private final StoredIdempotentRequests requests;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final ObjectProvider<HandlerMapping> handlers;

    IdempotencyFilter(StoredIdempotentRequests requests, JsonMapper json, PlatformTransactionManager transactions,
                      @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlers) {
        this.requests = requests;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.handlers = handlers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = actor();
        if (actor == null || isNeverReplayed(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 255) {
            ErrorResponses.write(response, ApiException.badRequest("InvalidIdempotencyKey",
                    "Idempotency-Key must be 1 to 255 characters."), json);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            ErrorResponses.write(response, new ApiException(413, "RequestEntityTooLarge",
                    "A JSON request body may be at most 1 MB."), json);
            return;
        }
        byte[] hash = hash(request, body);
        var recorder = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> {
                Outcome claimed = claim(actor.userId(), key, hash);
                if (claimed != Outcome.CLAIMED) {
                    status.setRollbackOnly();
                    return claimed;
                }
                recorder.setHeader(LOOKUP, "miss");
                try {
                    chain.doFilter(new WithBody(request, body), recorder);
                } catch (IOException | ServletException e) {
                    throw new Unchecked(e);
                }
                if (status.isRollbackOnly() && recorder.getStatus() < 400) {
                    // a success whose writes are being rolled back must not reach the client as a success
                    status.setRollbackOnly();
                    answerFailure(recorder);
                    return Outcome.FAILED;
                }
                if (recorder.getStatus() >= 500 || status.isRollbackOnly()) {
                    // nothing of the request is kept; a refusal (4xx) is stored on its own once this rolled back
                    status.setRollbackOnly();
                    return recorder.getStatus() >= 500 ? Outcome.FAILED : Outcome.REFUSED;
                }
                store(actor.userId(), key, recorder);
                return Outcome.ANSWERED;
            });
        } catch (Unchecked e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        } catch (RuntimeException e) {
            if (DatabaseOutage.explains(e) || response.isCommitted()) {
                throw e; // answered 503 by DatabaseOutage
            }
            // the commit failed: the client must not see the answer of writes that did not happen
            log.error("Could not commit a request with Idempotency-Key {} of user {}", key, actor.userId(), e);
            response.reset();
            ErrorResponses.write(response, new ApiException(500, "InternalError", "Something went wrong on our side; nothing was changed."), json);
            return;
        }
        switch (outcome) {
            case TAKEN -> replay(actor.userId(), key, hash, response);
            case BUSY -> ErrorResponses.write(response, inProgress(), json);
            case REFUSED -> {
                storeRefusal(actor.userId(), key, hash, recorder);
                recorder.copyBodyToResponse();
            }
            case ANSWERED, FAILED, CLAIMED -> recorder.copyBodyToResponse();
        }
    }

    /** API-1, API-2: whether the handler of this request is marked {@link NeverReplayed}, whatever spelling of its path reached it. */
    private boolean isNeverReplayed(HttpServletRequest request) {
        HandlerMapping mapping = handlers.getIfAvailable();
        if (mapping == null) {
            return false;
        }
        Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain handler = mapping.getHandler(request);
            return handler != null && handler.getHandler() instanceof HandlerMethod method && method.hasMethodAnnotation(NeverReplayed.class);
        } catch (Exception e) {
            return false; // no handler takes it (404, 405, 415): it is refused either way, and a refusal may be kept
        } finally {
            if (parsed == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
            }
        }
    }

    /**
     * Takes the key inside the request's transaction. A key older than a day is taken over as if new; so is a claim
     * committed without an answer, which only a version before this one left behind when its node died.
     */
    private Outcome claim(long userId, String key, byte[] hash) {
        try {
            return requests.claim(userId, key, hash) ? Outcome.CLAIMED : Outcome.TAKEN;
        } catch (PessimisticLockingFailureException e) {
            return Outcome.BUSY; // the request holding the key is still running (or its node is dying): retry in a moment
        }
    }

    private void store(long userId, String key, ContentCachingResponseWrapper answer) {
        requests.answer(userId, key, answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray());
    }

    /** A refusal rolled the request back; its answer is kept on its own, unless another request took the key meanwhile. */
    private void storeRefusal(long userId, String key, byte[] hash, ContentCachingResponseWrapper answer) {
        try {
            requests.keepRefusal(userId, key, hash, answer.getStatus(), answer.getContentType(), answer.getContentAsByteArray());
        } catch (DataAccessException e) {
            log.warn("Could not keep the refusal of Idempotency-Key {} of user {}; a retry is refused again", key, userId, e);
        }
    }

    private void replay(long userId, String key, byte[] hash, HttpServletResponse response) throws IOException {
        Kept first = requests.find(userId, key).orElse(null);
        if (first == null || first.status() == null) {
            ErrorResponses.write(response, inProgress(), json); // the first request just rolled back: a retry claims the key
            return;
        }
        if (!Arrays.equals(first.requestHash(), hash)) {
            ErrorResponses.write(response, ApiException.badRequest("IdempotentRequestError",
                    "This Idempotency-Key was already used with a different request; use a new key for a new request."), json);
            return;
        }
        response.setStatus(first.status());
        response.setHeader(LOOKUP, "hit");
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    private void answerFailure(ContentCachingResponseWrapper recorder) {
        recorder.resetBuffer();
        try {
            ErrorResponses.write(recorder, new ApiException(500, "InternalError", "Something went wrong on our side; nothing was changed."), json);
        } catch (IOException e) {
            throw new Unchecked(e);
        }
    }

    private static ApiException inProgress() {
        return new ApiException(409, "IdempotentRequestInProgress",
                "A request with this Idempotency-Key is still being processed; retry in a moment.");
    }

    /** What became of a request's claim on its key. */
    private enum Outcome {
        CLAIMED, TAKEN, BUSY, ANSWERED, REFUSED, FAILED
    }

    /** A checked exception of the filter chain, carried out of the transaction callback. */
    private static final class Unchecked extends RuntimeException {
        Unchecked(Exception cause) {
            super(cause);
        }
    }

    private static @Nullable Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
    }

    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request again, with the body already read so it can be hashed. */
    private static final class WithBody extends HttpServletRequestWrapper {
        private final byte[] body;

        WithBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
