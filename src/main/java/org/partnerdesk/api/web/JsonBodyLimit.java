package org.partnerdesk.api.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-1 (docs/api.md): a JSON request body is at most 1 MB. A declared Content-Length over it is refused before a byte
 * is read; a chunked body is counted as it is read and refused at the first byte past it. Files have their own limits
 * and paths: attachments ({@code /api/v2/uploads}, FILE-1), CRM imports (streamed CSV, DIR-7), the Support Uploader
 * ({@code /uploader}, outside {@code /api}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before authentication: an oversized body is turned away before anything reads it
class JsonBodyLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 1 << 20;

    private final JsonMapper json;

    JsonBodyLimit(JsonMapper json) {
        this.json = json;
    }

    /** A body went past the limit while being read; {@link ErrorHandling} answers 413 for it. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the request body is larger than " + MAX_BYTES + " bytes");
        }
    }

    static ApiException refusal() {
        return new ApiException(413, "RequestEntityTooLarge", "A JSON request body may be at most 1 MB (" + MAX_BYTES
                + " bytes). Files go to POST /api/v2/uploads (attachments, up to PARTNERDESK_ATTACHMENT_MAX_SIZE) or, when"
                + " larger, through a Support Uploader link.");
    }

    /** True when {@code failure} or one of its causes is a body that went past the limit. */
    static boolean isTooLarge(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || path.startsWith("/api/v2/uploads") || path.startsWith("/api/v2/imports/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            ErrorResponses.write(response, refusal(), json);
            return;
        }
        try {
            chain.doFilter(new Limited(request), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a filter that read the body itself (Idempotency-Key) lets the overflow out here
            if (!isTooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            ErrorResponses.write(response, refusal(), json);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private @Nullable ServletInputStream counted;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream());
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = StandardCharsets.UTF_8;
            if (getCharacterEncoding() != null && Charset.isSupported(getCharacterEncoding())) {
                charset = Charset.forName(getCharacterEncoding());
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        Counted(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
