package org.partnerdesk.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** Cursor pagination (API-1): {@code page[size]} up to 100, {@code page[after]} an opaque cursor over ids. */
public record PageRequest(int size, long afterId) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 100;

    public static PageRequest from(HttpServletRequest request) {
        int size = sizeFrom(request);
        String after = request.getParameter("page[after]");
        return new PageRequest(size, after == null || after.isBlank() ? 0 : decode(after));
    }

    /** {@code page[size]} (or {@code per_page}), checked; the default when absent. */
    public static int sizeFrom(HttpServletRequest request) {
        return parseSize(first(request, "page[size]", "per_page"));
    }

    /** Ask for one more than the page holds, to learn whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("id:")) {
                return Long.parseLong(text.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw ApiException.badRequest("InvalidPaginationParameter", "page[after] is not a cursor this API gave out.");
    }

    private static int parseSize(@Nullable String size) {
        if (size == null || size.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int value = Integer.parseInt(size.trim());
            if (value >= 1 && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw ApiException.badRequest("InvalidPaginationParameter", "page[size] must be a whole number from 1 to " + MAX_SIZE + ".");
    }

    private static @Nullable String first(HttpServletRequest request, String... names) {
        for (String name : names) {
            String value = request.getParameter(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A numbered page's {@code page} or {@code per_page} (Zendesk's offset paging), {@code otherwise} when not sent. */
    public static int wholeNumber(String name, @Nullable String value, int min, int max, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw ApiException.badRequest("InvalidPaginationParameter", name + " must be a whole number from " + min + " to " + max + ".");
    }
}
