package org.partnerdesk.api;

import org.jspecify.annotations.Nullable;

/**
 * Text the desk can store: PostgreSQL refuses the NUL character (U+0000) in text, and a lone UTF-16 surrogate has no
 * UTF-8 form (the driver would silently write "?"). Every way text enters (JSON bodies, query parameters, the
 * Authorization header, CSV imports, the partner mailbox) checks with this one class, so such text is refused or
 * cleaned where it arrives instead of failing as a 500 deep in a query.
 */
public final class StorableText {

    /** Says what is wrong, for refusals. */
    public static final String PROBLEM = "holds a NUL character (\\u0000) or an unpaired surrogate, which the desk cannot store";

    private StorableText() {
    }

    public static boolean isStorable(@Nullable String text) {
        return text == null || firstUnstorable(text) < 0;
    }

    /** The text without NUL characters and unpaired surrogates, for input the desk cleans rather than refuses (mail). */
    public static @Nullable String cleaned(@Nullable String text) {
        if (text == null || firstUnstorable(text) < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (c != '\u0000' && !Character.isSurrogate(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
