package org.partnerdesk.attachment.uploader.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.partnerdesk.api.ApiException;
import org.partnerdesk.attachment.uploader.TusUploads;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * FILE-2: the link opened in a browser is a plain upload form; its script ({@code /js/support-uploader.js}) speaks tus
 * to the same URL. The capability URL must not leak through a Referer, and the page runs only its own script.
 */
@RestController
class UploaderPage {

    private final TusUploads uploads;
    private final String page;

    UploaderPage(TusUploads uploads) throws IOException {
        this.uploads = uploads;
        try (InputStream in = new ClassPathResource("uploader/page.html").getInputStream()) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping(path = "/uploader/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable String token) {
        int status = 200;
        String message = "";
        try {
            uploads.liveLink(token);
        } catch (ApiException refused) {
            status = refused.status();
            message = refused.description();
        }
        String html = page.replace("{{max}}", Long.toString(uploads.maxFileSize()))
                .replace("{{state}}", status == 200 ? "open" : "closed")
                .replace("{{message}}", HtmlUtils.htmlEscape(message));
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
                .body(html);
    }
}
