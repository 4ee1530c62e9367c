package org.partnerdesk.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * FILE-1: files uploaded before a comment is written and attached to it when the comment names their upload tokens.
 * The attachment module implements it (it depends on tickets, never the other way round); tickets call it inside
 * their own transaction, so a refused token leaves no comment and no ticket behind.
 */
public interface CommentUploads {

    /**
     * Attaches the files of {@code tokens} to the comment; every token must be {@code authorId}'s own, unexpired and not
     * yet used, or the call throws a 422 {@link org.partnerdesk.api.ApiException} and attaches nothing.
     */
    void claim(List<String> tokens, long authorId, long ticketId, long commentId, boolean isPublic);

    /**
     * The check {@link #claim} makes, without claiming anything: the decision preview refuses a token that intake would
     * refuse, with the same 422.
     */
    void checkClaimable(List<String> tokens, long authorId);

    /** The files attached to these comments, by comment id, in upload order. */
    Map<Long, List<CommentAttachment>> attachmentsOf(Collection<Long> commentIds);

    /** One attached file as a comment shows it; the paths are relative to the desk's base URL. */
    record CommentAttachment(long id, long commentId, String fileName, String contentType, long size, String sha256, String path,
                             String contentPath) {
    }
}
