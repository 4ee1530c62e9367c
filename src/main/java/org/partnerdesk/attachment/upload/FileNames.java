package org.partnerdesk.attachment.upload;

import java.nio.charset.StandardCharsets;

import org.partnerdesk.api.ApiException;

/**
 * FILE-1 hostile input: a file name is shown to people and put in a download header, never used as a path (files are
 * stored under keys the desk makes). Names that try to be paths, hide characters or run past 255 bytes are refused.
 */
public final class FileNames {

    static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /** The name as it will be stored, or a 422 saying what is wrong with it. */
    public static String check(String raw) {
        String name = raw.strip();
        if (name.isEmpty()) {
            throw refused("is blank: name the file, e.g. ?filename=screenshot.png");
        }
        if (name.contains("/") || name.contains("\\")) {
            throw refused("contains a path separator: send the file's own name without folders");
        }
        if (name.equals(".") || name.equals("..")) {
            throw refused("is not a file name");
        }
        if (hidesCharacters(name)) {
            throw refused("contains control or invisible formatting characters");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused("is longer than " + MAX_BYTES + " bytes (UTF-8): shorten it");
        }
        return name;
    }

    /** FILE-1, FILE-2: a name with control or invisible formatting characters; both upload paths refuse it. */
    public static boolean hidesCharacters(String name) {
        return name.codePoints().anyMatch(FileNames::isHidden);
    }

    // control characters break headers and logs; format characters (e.g. right-to-left override) disguise extensions
    private static boolean isHidden(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE;
    }

    /** The 422 on {@code filename} both upload paths give an unfit name. */
    public static ApiException refused(String why) {
        return ApiException.invalid("filename", "invalid_value", "The file name " + why + ".");
    }
}
