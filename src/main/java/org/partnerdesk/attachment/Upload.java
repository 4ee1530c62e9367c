package org.partnerdesk.attachment;

import java.time.Instant;
import java.util.List;

/** FILE-1: the files one person uploaded under one token, waiting for a comment to name the token until it expires. */
public record Upload(String token, long uploaderId, Instant expiresAt, List<Attachment> attachments) {

    public Upload {
        attachments = List.copyOf(attachments);
    }

    /** The file added last: the one a POST just stored. */
    public Attachment latest() {
        return attachments.getLast();
    }
}
