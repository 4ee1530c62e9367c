package org.partnerdesk.ticket;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;

/**
 * FILE-1 for the agent's ticket page: a file sent with a comment is stored as {@code POST /api/v2/uploads} stores it, and
 * the comment then names the upload's token ({@link CommentUploads}). The attachment module implements it, so tickets
 * never depend on it.
 */
public interface CommentFiles {

    /**
     * Streams the file into storage under {@code token} (null: a new upload) and answers the upload's token. A file over the
     * limit is refused with the API's 413, which points to the Support Uploader, and nothing is stored.
     */
    String upload(Actor actor, @Nullable String token, String fileName, @Nullable String contentType, long size, InputStream content)
            throws IOException;
}
