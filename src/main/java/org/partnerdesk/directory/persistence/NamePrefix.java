package org.partnerdesk.directory.persistence;

/** A prefix search as an index range: in byte order ("C") the names beginning with {@code p} lie in [p, upperBound(p)). */
final class NamePrefix {

    private NamePrefix() {
    }

    // UTF-8 keeps code point order in bytes, so the prefix with its last code point raised by one bounds the range
    static String upperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        String head = prefix.substring(0, prefix.length() - Character.charCount(last));
        int next = last + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
            next = Character.MAX_SURROGATE + 1;
        }
        return next > Character.MAX_CODE_POINT ? prefix + "\uDBFF\uDFFF" : head + new String(Character.toChars(next));
    }
}
