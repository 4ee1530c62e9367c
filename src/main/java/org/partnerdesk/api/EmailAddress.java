package org.partnerdesk.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one check of what passes for an e-mail address in a request (DIR-2 users, CCs), and its normal form. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    public static boolean isValid(String text) {
        return text.length() <= MAX_LENGTH && SHAPE.matcher(text).matches();
    }

    /** Trimmed and lower-cased, or empty when it is not an address. */
    public static Optional<String> normalized(String raw) {
        String trimmed = raw.strip();
        return isValid(trimmed) ? Optional.of(trimmed.toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
