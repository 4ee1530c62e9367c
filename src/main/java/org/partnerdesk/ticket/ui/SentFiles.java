package org.partnerdesk.ticket.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.ticket.CommentFiles;
import org.springframework.web.multipart.MultipartFile;

/**
 * FILE-1: the files a page's form sent, stored before the comment or request is saved (streamed, outside its
 * transaction) under one upload token, which the form then names; {@code tokens} and {@code names} include those kept
 * from an earlier, refused post, so a person never attaches a file twice.
 */
record SentFiles(List<String> tokens, List<String> names) {

    /** Whether the person chose any file: a file input with nothing chosen still sends one empty part. */
    static boolean any(@Nullable List<MultipartFile> sent) {
        return sent != null && sent.stream().anyMatch(SentFiles::chosen);
    }

    static SentFiles store(Optional<CommentFiles> files, Actor actor, List<String> keptTokens, List<String> keptNames,
                           @Nullable List<MultipartFile> sent) {
        List<String> tokens = new ArrayList<>(keptTokens);
        List<String> names = new ArrayList<>(keptNames);
        String token = null;
        for (MultipartFile file : sent == null ? List.<MultipartFile>of() : sent) {
            if (!chosen(file)) {
                continue;
            }
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "file" : file.getOriginalFilename();
            try (InputStream content = file.getInputStream()) {
                token = files.orElseThrow(() -> new ApiException(503, "UploadsUnavailable", "Attachments cannot be stored here."))
                        .upload(actor, token, name, file.getContentType(), file.getSize(), content);
            } catch (IOException e) {
                throw ApiException.badRequest("UploadInterrupted", "The file " + name + " could not be read; nothing was stored. Attach it again.");
            }
            names.add(name);
        }
        if (token != null) {
            tokens.add(token);
        }
        return new SentFiles(tokens, names);
    }

    private static boolean chosen(MultipartFile file) {
        return !file.isEmpty() || file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
    }
}
