package org.partnerdesk.attachment.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.attachment.Attachment;
import org.partnerdesk.attachment.Upload;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Zendesk's upload and attachment shapes, with the file's SHA-256 added. */
record AttachmentJson(long id, String url, String fileName, String contentUrl, String mappedContentUrl, String contentType,
                      long size, String sha256, @Nullable Integer width, @Nullable Integer height, boolean inline, boolean deleted,
                      boolean malwareAccessOverride, String malwareScanResult, List<String> thumbnails) {

    static AttachmentJson of(Attachment a) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new AttachmentJson(a.id(), base + a.path() + ".json", a.fileName(), base + a.contentPath(), base + a.contentPath(),
                a.contentType(), a.size(), a.sha256(), null, null, false, false, false, "not_scanned", List.of());
    }

    /** The root object of one attachment (FILE-1). */
    record AttachmentResponse(AttachmentJson attachment) {
    }

    /** An upload token and the files under it (FILE-1). */
    record UploadJson(String token, Instant expiresAt, AttachmentJson attachment, List<AttachmentJson> attachments) {
        static UploadJson of(Upload upload) {
            return new UploadJson(upload.token(), upload.expiresAt(), AttachmentJson.of(upload.latest()),
                    upload.attachments().stream().map(AttachmentJson::of).toList());
        }
    }

    /** The root object of an upload (FILE-1). */
    record UploadResponse(UploadJson upload) {
    }
}
