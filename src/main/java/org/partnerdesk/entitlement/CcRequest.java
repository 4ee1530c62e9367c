package org.partnerdesk.entitlement;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** ENT-2 [000][001]: partners ask to be CC'd in their own words, in the troubleshooting notes or the description. */
final class CcRequest {

    // A request counts unless a negation sits just before it ("no need to cc me", "please don't include us").
    private static final Pattern ASK = Pattern.compile(
            "(?<negation>\\b(?:(?:don['’]?t|do\\s+not)(?!\\s+hesitate)|no\\s+need\\s+to|never|not)\\s+(?:[\\w'’]+\\s+){0,2}?)?"
                    + "(?<ask>\\b(?:please\\s+cc"
                    + "|cc\\s+(?:me|us)"
                    + "|add\\s+(?:me|us)\\s+(?:to|as|on)\\s+(?:the\\s+)?cc"
                    + "|keep\\s+(?:me|us)\\s+in\\s+the\\s+loop"
                    + "|include\\s+(?:me|us)"
                    + "|be\\s+(?:cc['’]?e?d|copied))\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private CcRequest() {}

    /** The words the partner used to ask, if it asked. */
    static Optional<String> findIn(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = ASK.matcher(text);
        while (matcher.find()) {
            if (matcher.group("negation") == null) {
                return Optional.of(matcher.group("ask"));
            }
        }
        return Optional.empty();
    }
}
