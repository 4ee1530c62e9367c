package org.partnerdesk.attachment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.Actor;
import org.partnerdesk.attachment.Attachment;
import org.partnerdesk.attachment.Attachments;
import org.partnerdesk.attachment.Download;
import org.partnerdesk.attachment.upload.ContentTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code /api/v2/attachments/{id}} and its content (FILE-1, API-2: the ticket's readers). A download is always an
 * attachment the browser saves, never a page it renders: passive type or bytes, {@code nosniff}, a sandbox policy.
 */
@RestController
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/v2/attachments/{id}")
    AttachmentJson.AttachmentResponse show(Actor actor, @PathVariable long id) {
        return new AttachmentJson.AttachmentResponse(AttachmentJson.of(attachments.find(actor, id)));
    }

    @GetMapping("/api/v2/attachments/{id}/content")
    void content(Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
        try (Download download = attachments.open(actor, id)) {
            Attachment file = download.attachment();
            response.setContentType(ContentTypes.served(file.contentType()));
            response.setContentLengthLong(file.size());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(file.fileName()));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            download.content().transferTo(response.getOutputStream());
        }
    }

    /** RFC 6266: an ASCII stand-in for old clients, the exact name in UTF-8 for the rest; quotes and controls never pass. */
    static String disposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 32 && c < 127 && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }
}
