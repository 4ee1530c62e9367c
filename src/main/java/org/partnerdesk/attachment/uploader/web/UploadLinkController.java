package org.partnerdesk.attachment.uploader.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
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
    NewUploadLinkResponse create(Actor actor, @PathVariable long ticketId) {
        UploadLinks.NewLink made = links.create(actor, ticketId);
        Link link = made.link();
        return new NewUploadLinkResponse(new NewUploadLinkJson(link.id(), link.ticketId(), links.state(link), link.expiresAt(),
                link.createdBy(), link.createdAt(), links.url(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), made.token())));
    }

    @GetMapping("/upload_links")
    UploadLinkPage list(Actor actor, @PathVariable long ticketId, HttpServletRequest request) {
        return links.links(actor, ticketId, PageRequest.from(request)).body(this::json, request, UploadLinkPage::new);
    }

    @GetMapping("/uploaded_files")
    UploadedFilePage files(Actor actor, @PathVariable long ticketId, HttpServletRequest request) {
        return links.files(actor, ticketId, PageRequest.from(request)).body(file -> UploadedFileJson.of(file, ticketId), request, UploadedFilePage::new);
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

    private UploadLinkJson json(Link link) {
        return new UploadLinkJson(link.id(), link.ticketId(), links.state(link), link.expiresAt(), link.createdBy(), link.createdAt());
    }

    record UploadLinkJson(long id, long ticketId, String state, Instant expiresAt, long createdById, Instant createdAt) {
    }

    /** FILE-2: the new link's URL carries its token, so only the answer to its creation shows it. */
    record NewUploadLinkJson(long id, long ticketId, String state, Instant expiresAt, long createdById, Instant createdAt, String url) {
    }

    record UploadedFileJson(long id, long ticketId, String fileName, long size, String sha256, @Nullable String contentUrl,
                            Instant createdAt, @Nullable Instant removedAt) {
        static UploadedFileJson of(UploadedFile file, long ticketId) {
            String content = file.removedAt() == null
                    ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/tickets/" + ticketId + "/uploaded_files/"
                            + file.id() + "/content").toUriString() : null;
            return new UploadedFileJson(file.id(), file.ticketId(), file.fileName(), file.size(), file.sha256(), content,
                    file.createdAt(), file.removedAt());
        }
    }

    /** The root object of a new upload link (FILE-2). */
    record NewUploadLinkResponse(NewUploadLinkJson uploadLink) {
    }

    /** One cursor page of a ticket's upload links (API-1). */
    record UploadLinkPage(List<UploadLinkJson> uploadLinks, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }

    /** One cursor page of the files sent through a ticket's upload links (API-1). */
    record UploadedFilePage(List<UploadedFileJson> uploadedFiles, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
