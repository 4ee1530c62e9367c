package org.partnerdesk.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * FILE-3: where file contents live. Keys are made by the desk (never a user's file name); contents stream in and
 * out. A {@code put} either stores the whole content under the key or nothing.
 */
public interface FileStore {

    /**
     * Streams {@code content} to {@code key}, counting and hashing on the way; past {@code maxBytes} it stops reading,
     * removes what was written and throws {@link TooLarge}.
     */
    StoredFile put(String key, InputStream content, long maxBytes) throws IOException;

    /** The content of {@code key}, streamed; the caller closes it. */
    InputStream open(String key) throws IOException;

    /** Removes {@code key}; a missing key is not an error. */
    void delete(String key) throws IOException;

    /** What was stored: the key, its size in bytes, and the SHA-256 of its content in lower-case hex. */
    record StoredFile(String key, long size, String sha256) {
    }

    /** The content went past the limit; nothing was stored. */
    final class TooLarge extends IOException {

        private final long limit;

        public TooLarge(long limit) {
            super("content is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
