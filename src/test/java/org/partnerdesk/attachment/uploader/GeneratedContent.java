package org.partnerdesk.attachment.uploader;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** FILE-3 tests: {@code length} bytes made on the fly (never held), hashed as they are read. */
final class GeneratedContent extends InputStream {

    private static final byte[] BLOCK = new byte[1 << 20];

    static {
        new Random(42).nextBytes(BLOCK);
    }

    private final long length;
    private final MessageDigest sha256;
    private long position;

    GeneratedContent(long from, long length, MessageDigest sha256) {
        this.position = from;
        this.length = from + length;
        this.sha256 = sha256;
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int wanted) {
        if (position >= length) {
            return -1;
        }
        int at = (int) (position % BLOCK.length);
        int count = (int) Math.min(Math.min(wanted, BLOCK.length - at), length - position);
        System.arraycopy(BLOCK, at, buffer, offset, count);
        buffer[offset] ^= (byte) (position / BLOCK.length); // blocks differ, so a misplaced one changes the hash
        sha256.update(buffer, offset, count);
        position += count;
        return count;
    }
}
