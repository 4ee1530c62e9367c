package org.partnerdesk.attachment.upload;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.attachment.Attachment;
import org.partnerdesk.attachment.persistence.StoredAttachments;
import org.partnerdesk.attachment.persistence.StoredAttachments.UploadRow;
import org.partnerdesk.ticket.CommentUploads;
import org.springframework.stereotype.Component;

/** FILE-1: a comment's {@code uploads} bind the named uploads' files to it, in the ticket's transaction. */
@Component
class CommentUploadClaims implements CommentUploads {

    private final StoredAttachments stored;
    private final Clock clock;

    CommentUploadClaims(StoredAttachments stored, Clock clock) {
        this.stored = stored;
        this.clock = clock;
    }

    @Override
    public void claim(List<String> tokens, long authorId, long ticketId, long commentId, boolean isPublic) {
        Set<String> wanted = new LinkedHashSet<>(tokens);
        Instant now = clock.instant();
        List<String> claimed = stored.claim(wanted, authorId, ticketId, commentId, isPublic, now);
        if (claimed.size() == wanted.size()) {
            return;
        }
        wanted.removeAll(claimed);
        String token = wanted.iterator().next();
        // the caller's transaction rolls back: the comment, the ticket and the claims that did work are undone
        throw ApiException.invalid("uploads", "invalid_value", "Upload token " + token + " " + why(token, authorId, now)
                + ": upload the file again with POST /api/v2/uploads and use the new token.");
    }

    @Override
    public void checkClaimable(List<String> tokens, long authorId) {
        Instant now = clock.instant();
        for (String token : new LinkedHashSet<>(tokens)) {
            boolean usable = stored.findUpload(token).filter(upload -> upload.isUsableBy(authorId, now)).isPresent();
            if (!usable) {
                throw ApiException.invalid("uploads", "invalid_value", "Upload token " + token + " " + why(token, authorId, now)
                        + ": upload the file again with POST /api/v2/uploads and use the new token.");
            }
        }
    }

    private String why(String token, long authorId, Instant now) {
        UploadRow upload = stored.findUpload(token).filter(u -> u.uploaderId() == authorId).orElse(null);
        if (upload == null) {
            return "is not one of your uploads";
        }
        if (upload.commentId() != null) {
            return "is already attached to another comment";
        }
        return "expired at " + WholeSeconds.of(upload.expiresAt());
    }

    @Override
    public Map<Long, List<CommentAttachment>> attachmentsOf(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<CommentAttachment>> byComment = new LinkedHashMap<>();
        for (Attachment a : stored.ofComments(commentIds)) {
            byComment.computeIfAbsent(a.commentId(), id -> new ArrayList<>()).add(new CommentAttachment(a.id(), a.commentId(),
                    a.fileName(), a.contentType(), a.size(), a.sha256(), a.path(), a.contentPath()));
        }
        return byComment;
    }
}
