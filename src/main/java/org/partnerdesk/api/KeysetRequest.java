package org.partnerdesk.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Cursor pagination (API-1) over a sort key and the id: the cursor carries both, so a list sorted by something other
 * than the id still pages with a keyset (no OFFSET) and stays stable and complete when keys tie or are missing.
 * The key is the caller's text ({@code null} for "no key"); the caller turns it back into its own type.
 */
public record KeysetRequest(int size, @Nullable Position after) {

    /** Where the previous page ended: its last row's sort key and id. */
    public record Position(@Nullable String key, long id) {

        /** The key as a time, for lists sorted by one; a key that is no time, or one outside the supported dates, is refused. */
        public @Nullable Instant instantKey() {
            if (key == null) {
                return null;
            }
            try {
                Instant instant = Instant.parse(key);
                if (SupportedDates.contains(instant)) {
                    return instant;
                }
            } catch (DateTimeException e) {
                // falls through to the refusal below
            }
            throw invalidCursor();
        }
    }

    private static final String PREFIX = "key:";

    public static KeysetRequest from(HttpServletRequest request) {
        int size = PageRequest.sizeFrom(request);
        String after = request.getParameter("page[after]");
        return new KeysetRequest(size, after == null || after.isBlank() ? null : decode(after));
    }

    /** Ask for one more than the page holds, to learn whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    static String encode(Position position) {
        String text = PREFIX + position.id() + (position.key() == null ? "" : ":" + position.key());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                String rest = text.substring(PREFIX.length());
                int colon = rest.indexOf(':');
                return colon < 0 ? new Position(null, Long.parseLong(rest))
                        : new Position(rest.substring(colon + 1), Long.parseLong(rest.substring(0, colon)));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw invalidCursor();
    }

    /** For a key the caller cannot read back: the same refusal as a cursor this API never gave out. */
    public static ApiException invalidCursor() {
        return ApiException.badRequest("InvalidPaginationParameter", "page[after] is not a cursor this API gave out.");
    }
}
