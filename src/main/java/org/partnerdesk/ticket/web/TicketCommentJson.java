package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.partnerdesk.ticket.Comment;
import org.partnerdesk.ticket.CommentUploads;

/** Zendesk's ticket comment shape; {@code public} says whether the requester reads it (TKT-1). */
record TicketCommentJson(long id, String type, long authorId, String body, String plainBody, String htmlBody,
                         @JsonProperty("public") boolean isPublic, List<CommentAttachmentJson> attachments, Instant createdAt) {

    static TicketCommentJson of(Comment c, List<CommentUploads.CommentAttachment> attachments) {
        return new TicketCommentJson(c.id(), "Comment", c.authorId(), c.body(), c.body(), "<p>" + escape(c.body()) + "</p>",
                c.isPublic(), attachments.stream().map(CommentAttachmentJson::of).toList(), c.createdAt());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }
}
