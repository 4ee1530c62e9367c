package org.partnerdesk.attachment.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.Actor;
import org.partnerdesk.attachment.Attachment;
import org.partnerdesk.attachment.Attachments;
import org.partnerdesk.attachment.Download;
import org.partnerdesk.attachment.upload.ContentTypes;
import org.partnerdesk.console.ConsolePage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * UI-1, FILE-1: a comment's file from the agent's ticket page, with the browser session (the API's content URL takes a
 * token). The same reading rule as the API ({@link Attachments#open}) and the same passive download headers.
 */
@ConsolePage
class AttachmentDownload {

    private final Attachments attachments;

    AttachmentDownload(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping({"/agent/attachments/{id}", "/portal/attachments/{id}"}) // the portal's request page (issue #15) reads the same way
    void content(Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
        try (Download download = attachments.open(actor, id)) {
            Attachment file = download.attachment();
            response.setContentType(ContentTypes.served(file.contentType()));
            response.setContentLengthLong(file.size());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            download.content().transferTo(response.getOutputStream());
        }
    }
}
