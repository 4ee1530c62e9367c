package org.partnerdesk.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.partnerdesk.attachment.FileStore.TooLarge;

/** Copies a stream in 64 KiB steps, hashing with SHA-256 and stopping past the limit; both stores use it. */
final class CountingDigest {

    private static final int BUFFER = 64 * 1024;

    private final MessageDigest sha256;
    private long size;

    CountingDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Copies until the end of {@code in}; throws {@link TooLarge} as soon as more than {@code maxBytes} arrived. */
    void copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int read;
        while ((read = in.read(buffer)) != -1) {
            size += read;
            if (size > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            sha256.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
    }

    long size() {
        return size;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
