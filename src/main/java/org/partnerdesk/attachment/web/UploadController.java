package org.partnerdesk.attachment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.NeverReplayed;
import org.partnerdesk.attachment.Attachments;
import org.partnerdesk.attachment.NewFile;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * {@code /api/v2/uploads} (FILE-1), as Zendesk has it: the file's bytes are the request body. The body is read here as
 * a stream and never bound (no byte[], no multipart), and the query string is parsed by hand, because asking the
 * servlet for a parameter would make it read a form-encoded body (curl's default type) into memory.
 */
@RestController
class UploadController {

    private final Attachments attachments;

    UploadController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/api/v2/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    @NeverReplayed("FILE-1: the body is a file of up to 20 MB streamed to storage, and the answer carries the upload token")
    AttachmentJson.UploadResponse upload(Actor actor, HttpServletRequest request) throws IOException {
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams();
        String fileName = decoded(query.getFirst("filename"));
        if (fileName == null) {
            throw ApiException.badRequest("InvalidParameter", "Parameter filename is required: POST /api/v2/uploads?filename=NAME.");
        }
        String token = decoded(query.getFirst("token"));
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new ApiException(415, "UnsupportedMediaType",
                    "Send the file's bytes as the request body with the file's Content-Type, not as a multipart form.");
        }
        var upload = attachments.upload(actor, new NewFile(fileName, type, token == null || token.isBlank() ? null : token.strip(),
                request.getContentLengthLong()), request.getInputStream());
        return new AttachmentJson.UploadResponse(AttachmentJson.UploadJson.of(upload));
    }

    @DeleteMapping("/api/v2/uploads/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable String token) {
        attachments.deleteUpload(actor, token);
    }

    private static @Nullable String decoded(@Nullable String raw) {
        return raw == null ? null : UriUtils.decode(raw.replace('+', ' '), StandardCharsets.UTF_8);
    }
}
