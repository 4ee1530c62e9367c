package org.partnerdesk.api.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

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
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-1 {@code Idempotency-Key} on POST: the first response for a key is stored and replayed
 * ({@code x-idempotency-lookup: hit}); the same key with another request is a 400. Keys live 24 hours.
 */
@Component
@Order(-50) // after the security filter chain (-100), so the key is scoped to the authenticated user
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String LOOKUP = "x-idempotency-lookup";
    private static final int MAX_BODY = 1 << 20;

    private final JdbcClient db;
    private final JsonMapper json;

    IdempotencyFilter(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                // API-2: a new API token is shown once and stored hashed; keeping its response to replay would do neither
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/v2/api_tokens")
                // FILE-1: an upload's body is a file of up to 20 MB, streamed to storage, not a JSON body to hash and keep
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/v2/uploads")
                // DIR-7: a CRM import is idempotent by itself, and its CSV bodies are streamed, never held to be replayed
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/v2/imports/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = actor();
        if (actor == null) {
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
        if (!claim(actor.userId(), key, hash)) {
            replay(actor.userId(), key, hash, response);
            return;
        }
        var recorder = new ContentCachingResponseWrapper(response);
        recorder.setHeader(LOOKUP, "miss");
        try {
            chain.doFilter(new WithBody(request, body), recorder);
        } catch (IOException | ServletException | RuntimeException e) {
            release(actor.userId(), key);
            throw e;
        }
        if (recorder.getStatus() >= 500) {
            release(actor.userId(), key);
        } else {
            db.sql("update idempotent_requests set status = ?, content_type = ?, body = ? where user_id = ? and idem_key = ?")
                    .params(recorder.getStatus(), recorder.getContentType(), recorder.getContentAsByteArray(), actor.userId(), key)
                    .update();
        }
        recorder.copyBodyToResponse();
    }

    /** Takes the key for this request; a key older than a day is taken over as if new. */
    private boolean claim(long userId, String key, byte[] hash) {
        return db.sql("""
                        insert into idempotent_requests (user_id, idem_key, request_hash) values (?, ?, ?)
                        on conflict (user_id, idem_key) do update
                           set request_hash = excluded.request_hash, status = null, content_type = null, body = null, created_at = now()
                         where idempotent_requests.created_at < now() - interval '24 hours'""")
                .params(userId, key, hash).update() == 1;
    }

    private void replay(long userId, String key, byte[] hash, HttpServletResponse response) throws IOException {
        Optional<Stored> stored = db.sql("select request_hash, status, content_type, body from idempotent_requests where user_id = ? and idem_key = ?")
                .params(userId, key)
                .query((rs, n) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .optional();
        if (stored.isEmpty() || !Arrays.equals(stored.get().hash(), hash)) {
            ErrorResponses.write(response, ApiException.badRequest("IdempotentRequestError",
                    "This Idempotency-Key was already used with a different request; use a new key for a new request."), json);
            return;
        }
        Stored first = stored.get();
        if (first.status() == null) {
            ErrorResponses.write(response, new ApiException(409, "IdempotentRequestInProgress",
                    "A request with this Idempotency-Key is still being processed; retry in a moment."), json);
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

    private void release(long userId, String key) {
        db.sql("delete from idempotent_requests where user_id = ? and idem_key = ?").params(userId, key).update();
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

    private record Stored(byte[] hash, @Nullable Integer status, @Nullable String contentType, byte @Nullable [] body) {
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
