package org.partnerdesk.attachment;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;

/** Sends files to {@code POST /api/v2/uploads} as a client would: the bytes are the body. */
public final class Uploads {

    private Uploads() {
    }

    public static Reply upload(ApiClient api, String fileName, String contentType, byte[] content) {
        return upload(api, fileName, null, contentType, HttpRequest.BodyPublishers.ofByteArray(content));
    }

    public static Reply upload(ApiClient api, String fileName, @Nullable String token, @Nullable String contentType,
                               HttpRequest.BodyPublisher body) {
        String query = "?filename=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                + (token == null ? "" : "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return api.sendBody("POST", "/api/v2/uploads" + query, contentType, body);
    }

    /** {@code size} bytes of a repeating pattern, made as they are read: nothing of that size is held in memory. */
    public static InputStream generated(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? (int) (left % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (--left % 251);
                }
                return n;
            }
        };
    }

    /** A body of unknown length: the client sends it chunked. */
    public static HttpRequest.BodyPublisher chunked(long size) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> generated(size));
    }

    /** A body that declares its length up front. */
    public static HttpRequest.BodyPublisher withLength(long size) {
        return HttpRequest.BodyPublishers.fromPublisher(chunked(size), size);
    }
}
