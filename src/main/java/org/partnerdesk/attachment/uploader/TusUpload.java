package org.partnerdesk.attachment.uploader;

import java.time.Instant;

/** FILE-2: one file arriving through a link; {@code key} names it in the upload URL and in the staging area. */
public record TusUpload(long id, long linkId, String key, String fileName, long length, Status status, Instant createdAt) {

    public enum Status {
        RECEIVING, FINISHED, TERMINATED, ABANDONED;

        public static Status of(String code) {
            return valueOf(code.toUpperCase());
        }

        public String code() {
            return name().toLowerCase();
        }
    }
}
