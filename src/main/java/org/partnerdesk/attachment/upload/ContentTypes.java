package org.partnerdesk.attachment.upload;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * FILE-1 hostile input: what type a file is recorded as, and what type it is served as. The declared type is kept when
 * it is a well-formed, specific media type; otherwise the name's extension decides. Serving never trusts it: only
 * passive types go out as themselves, everything else (HTML, SVG, XML, scripts, the unknown) as a byte stream.
 */
public final class ContentTypes {

    static final String BYTES = MediaType.APPLICATION_OCTET_STREAM_VALUE;

    /**
     * Types that say nothing about the file: clients send them for any content. Issue #17 item 8: API clients that
     * default every request to JSON send files as application/json, so that too yields to the name's extension.
     */
    private static final Set<String> GENERIC = Set.of(BYTES, "application/binary", "application/x-www-form-urlencoded",
            "application/unknown", "binary/octet-stream", "application/json");

    /** Types a browser shows without running anything. */
    private static final Set<String> PASSIVE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
            "image/tiff", "application/pdf", "text/plain", "text/csv", "application/json", "application/zip",
            "application/gzip", "application/x-gzip", "application/x-tar", "application/x-7z-compressed",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
            "application/vnd.ms-excel", "audio/mpeg", "audio/wav", "video/mp4", "video/webm", "video/quicktime");

    private ContentTypes() {
    }

    /** The type recorded for a file called {@code fileName} that arrived declared as {@code declared}. */
    public static String recorded(@Nullable String declared, String fileName) {
        String type = plain(declared);
        if (type != null && !GENERIC.contains(type)) {
            return type;
        }
        return MediaTypeFactory.getMediaType(fileName).map(ContentTypes::plain).orElse(BYTES);
    }

    /** The Content-Type a download goes out with. */
    public static String served(String recorded) {
        return PASSIVE.contains(recorded) ? recorded : BYTES;
    }

    // type/subtype in lower case without parameters, or null when it is not one
    private static @Nullable String plain(@Nullable Object declared) {
        if (declared == null) {
            return null;
        }
        try {
            MediaType type = declared instanceof MediaType m ? m : MediaType.parseMediaType(declared.toString());
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return null;
            }
            String plain = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            return plain.length() <= 255 && plain.chars().allMatch(c -> c > 32 && c < 127) ? plain : null;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException and InvalidMimeTypeException among them
            return null;
        }
    }
}
