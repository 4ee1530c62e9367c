package org.partnerdesk.attachment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * FILE-1: one stored file. Until a comment names its upload's token it belongs to its uploader alone; after that to the
 * comment, and whoever may read the comment may read the file.
 */
public record Attachment(long id, long uploaderId, String fileName, String contentType, long size, String sha256,
                         String storageKey, @Nullable Long ticketId, @Nullable Long commentId,
                         @Nullable Boolean onPublicComment, Instant createdAt) {

    public boolean isAttached() {
        return commentId != null;
    }

    /** Relative URLs the API answers for this file: its JSON and its content. */
    public String path() {
        return "/api/v2/attachments/" + id;
    }

    public String contentPath() {
        return "/api/v2/attachments/" + id + "/content";
    }
}
