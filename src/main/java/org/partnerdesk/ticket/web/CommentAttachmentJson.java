package org.partnerdesk.ticket.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.CommentUploads;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Zendesk's attachment shape (FILE-1) as a comment lists it; the attachment module serves both URLs. Zendesk's
 * thumbnails are attachments too; the desk makes none.
 */
record CommentAttachmentJson(long id, String url, String fileName, String contentUrl, String mappedContentUrl,
                             String contentType, long size, String sha256, @Nullable Integer width,
                             @Nullable Integer height, boolean inline, boolean deleted,
                             List<CommentAttachmentJson> thumbnails) {

    // docs/api.md: the same attachment shape, sha256 included, as GET /attachments/{id}
    static CommentAttachmentJson of(CommentUploads.CommentAttachment a) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new CommentAttachmentJson(a.id(), base + a.path() + ".json", a.fileName(), base + a.contentPath(),
                base + a.contentPath(), a.contentType(), a.size(), a.sha256(), null, null, false, false, List.of());
    }
}
