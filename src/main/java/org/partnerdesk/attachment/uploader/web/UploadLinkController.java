package org.partnerdesk.attachment.uploader.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.NeverReplayed;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.attachment.UploadLinks;
import org.partnerdesk.attachment.UploadLinks.Link;
import org.partnerdesk.attachment.UploadLinks.UploadedFile;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** FILE-2 on a ticket: {@code upload_links} (agents) and {@code uploaded_files} (whoever can read the ticket). */
@RestController
@RequestMapping("/api/v2/tickets/{ticketId}")
class UploadLinkController {

    private final UploadLinks links;

    UploadLinkController(UploadLinks links) {
        this.links = links;
    }

    @PostMapping("/upload_links")
    @ResponseStatus(HttpStatus.CREATED)
    @NeverReplayed("FILE-2: the link's URL carries its token, shown once and stored hashed")
    Map<String, Object> create(Actor actor, @PathVariable long ticketId) {
        UploadLinks.NewLink made = links.create(actor, ticketId);
        Map<String, Object> json = json(made.link());
        json.put("url", links.url(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), made.token()));
        return Map.of("upload_link", json);
    }

    @GetMapping("/upload_links")
    Map<String, Object> list(Actor actor, @PathVariable long ticketId, HttpServletRequest request) {
        return links.links(actor, ticketId, PageRequest.from(request)).body("upload_links", this::json, request);
    }

    @GetMapping("/uploaded_files")
    Map<String, Object> files(Actor actor, @PathVariable long ticketId, HttpServletRequest request) {
        return links.files(actor, ticketId, PageRequest.from(request)).body("uploaded_files", file -> json(file, ticketId), request);
    }

    @GetMapping("/uploaded_files/{fileId}/content")
    ResponseEntity<InputStreamResource> content(Actor actor, @PathVariable long ticketId, @PathVariable long fileId) throws IOException {
        UploadLinks.Download download = links.open(actor, ticketId, fileId);
        InputStream content = download.content();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(download.file().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.file().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }

    private Map<String, Object> json(Link link) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", link.id());
        json.put("ticket_id", link.ticketId());
        json.put("state", links.state(link));
        json.put("expires_at", link.expiresAt());
        json.put("created_by_id", link.createdBy());
        json.put("created_at", link.createdAt());
        return json;
    }

    private static Map<String, Object> json(UploadedFile file, long ticketId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", file.id());
        json.put("ticket_id", file.ticketId());
        json.put("file_name", file.fileName());
        json.put("size", file.size());
        json.put("sha256", file.sha256());
        json.put("content_url", file.removedAt() == null
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/tickets/" + ticketId + "/uploaded_files/"
                        + file.id() + "/content").toUriString() : null);
        json.put("created_at", file.createdAt());
        json.put("removed_at", file.removedAt());
        return json;
    }
}
