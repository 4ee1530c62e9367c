package org.partnerdesk.attachment.uploader;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.attachment.upload.FileNames;

/**
 * FILE-2: the name a client gives a file in tus {@code Upload-Metadata} ({@code filename <base64>}). It is only ever
 * shown, never used as a path: directories are dropped, and control or bidirectional-override characters are refused.
 */
public record FileName(String value) {

    static final int MAX_LENGTH = 255;

    /**
     * The file name from an {@code Upload-Metadata} header: a 400 {@code InvalidUploadMetadata} if the header carries no
     * base64 UTF-8 name, a 422 {@code RecordInvalid} on {@code filename} (as {@code POST /api/v2/uploads}) if the name is unfit.
     */
    public static FileName fromMetadata(@Nullable String header) {
        String encoded = null;
        if (header != null) {
            for (String pair : header.split(",")) {
                String[] parts = pair.strip().split(" ", 2);
                if (parts[0].equals("filename") || parts[0].equals("name")) {
                    encoded = parts.length == 2 ? parts[1].strip() : "";
                    if (parts[0].equals("filename")) {
                        break;
                    }
                }
            }
        }
        if (encoded == null) {
            throw malformed("Upload-Metadata must carry the file name: filename <base64 of the UTF-8 name>.");
        }
        return of(decode(encoded));
    }

    static FileName of(String raw) {
        if (FileNames.hidesCharacters(raw)) { // the same characters POST /api/v2/uploads refuses
            throw FileNames.refused("contains control or invisible formatting characters; rename the file and upload it again");
        }
        String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1).strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            throw FileNames.refused("is blank once folders are removed; give the file a name");
        }
        if (base.length() > MAX_LENGTH) {
            throw FileNames.refused("is longer than " + MAX_LENGTH + " characters: shorten it");
        }
        return new FileName(base);
    }

    private static String decode(String encoded) {
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw malformed("The filename in Upload-Metadata is not base64 of UTF-8 text.");
        }
    }

    // the header itself is broken: a tus protocol error, like a bad Upload-Length
    private static ApiException malformed(String why) {
        return ApiException.badRequest("InvalidUploadMetadata", why);
    }
}
