package org.partnerdesk.attachment.uploader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** FILE-2: a link token is 64 hex digits of randomness; only its SHA-256 is stored, like API tokens (API-2). */
public final class LinkTokens {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

    private LinkTokens() {
    }

    public static boolean wellFormed(String token) {
        return TOKEN.matcher(token).matches();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
