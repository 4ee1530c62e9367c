package org.partnerdesk.attachment.uploader.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.attachment.uploader.FileName;
import org.partnerdesk.attachment.uploader.TusUpload;
import org.partnerdesk.attachment.uploader.TusUploads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * FILE-2: the tus 1.0.0 protocol (core, creation, termination) on a link, {@code /uploader/{token}}; no sign-in, the
 * token is the capability. Refusals use the API error shape and every answer carries {@code Tus-Resumable}.
 */
@RestController
@RequestMapping("/uploader/{token}")
class TusController {

    static final String VERSION = "1.0.0";
    private static final String OFFSET_STREAM = "application/offset+octet-stream";

    private final TusUploads uploads;

    TusController(TusUploads uploads) {
        this.uploads = uploads;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options(@PathVariable String token) {
        return ResponseEntity.noContent().header("Tus-Resumable", VERSION).header("Tus-Version", VERSION)
                .header("Tus-Extension", "creation,termination").header("Tus-Max-Size", Long.toString(uploads.maxFileSize()))
                .build();
    }

    @RequestMapping(method = RequestMethod.POST)
    ResponseEntity<Void> create(@PathVariable String token, @RequestHeader(name = "Upload-Length", required = false) @Nullable String length,
                                @RequestHeader(name = "Upload-Metadata", required = false) @Nullable String metadata,
                                HttpServletRequest request, HttpServletResponse response) throws IOException {
        resumable(request, response);
        if (request.getHeader("Upload-Defer-Length") != null) {
            throw ApiException.badRequest("DeferLengthNotSupported", "Send Upload-Length; this server does not take deferred lengths.");
        }
        if (request.getContentLengthLong() > 0) {
            throw ApiException.badRequest("CreationWithUploadNotSupported", "Create the upload with an empty body, then PATCH its bytes.");
        }
        TusUpload upload = uploads.create(token, number("Upload-Length", length), FileName.fromMetadata(metadata));
        String location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/uploader/" + token + "/" + upload.key())
                .toUriString();
        return ResponseEntity.status(HttpStatus.CREATED).header("Tus-Resumable", VERSION).header("Location", location).build();
    }

    @RequestMapping(path = "/{key}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(@PathVariable String token, @PathVariable String key, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        resumable(request, response);
        TusUploads.Progress progress = uploads.progress(token, key);
        return ResponseEntity.ok().header("Tus-Resumable", VERSION).header("Cache-Control", "no-store")
                .header("Upload-Offset", Long.toString(progress.offset())).header("Upload-Length", Long.toString(progress.length()))
                .build();
    }

    @RequestMapping(path = "/{key}", method = RequestMethod.PATCH)
    ResponseEntity<Void> patch(@PathVariable String token, @PathVariable String key,
                               @RequestHeader(name = "Upload-Offset", required = false) @Nullable String offset,
                               HttpServletRequest request, HttpServletResponse response) throws IOException {
        resumable(request, response);
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith(OFFSET_STREAM)) {
            throw new ApiException(415, "UnsupportedMediaType", "Send the bytes as " + OFFSET_STREAM + ".");
        }
        TusUploads.Progress progress;
        try {
            progress = uploads.append(token, key, number("Upload-Offset", offset), request.getContentLengthLong(),
                    request.getInputStream());
        } catch (TusUploads.BodyBrokeOff gone) {
            // the client is gone (or stalled): nobody reads this; a client still there learns where to resume
            return ResponseEntity.noContent().header("Tus-Resumable", VERSION).header("Upload-Offset", Long.toString(gone.offset()))
                    .header("Connection", "close").build();
        }
        return ResponseEntity.noContent().header("Tus-Resumable", VERSION).header("Upload-Offset", Long.toString(progress.offset()))
                .build();
    }

    @RequestMapping(path = "/{key}", method = RequestMethod.DELETE)
    ResponseEntity<Void> terminate(@PathVariable String token, @PathVariable String key, HttpServletRequest request,
                                   HttpServletResponse response) throws IOException {
        resumable(request, response);
        uploads.terminate(token, key);
        return ResponseEntity.noContent().header("Tus-Resumable", VERSION).build();
    }

    // tus: a request without the protocol version it speaks is refused with 412 and the versions this server speaks
    private static void resumable(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Tus-Resumable", VERSION);
        if (!VERSION.equals(request.getHeader("Tus-Resumable"))) {
            response.setHeader("Tus-Version", VERSION);
            throw new ApiException(412, "UnsupportedTusVersion", "Send Tus-Resumable: " + VERSION + ".");
        }
    }

    private static long number(String header, @Nullable String value) {
        try {
            long parsed = Long.parseLong(value == null ? "" : value.strip());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw ApiException.badRequest("Invalid" + header.replace("-", ""), header + " must be a whole number of bytes, 0 or more.");
    }
}
