package org.partnerdesk.attachment.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.attachment.FileStore;
import org.partnerdesk.attachment.FileStore.TooLarge;
import org.partnerdesk.attachment.Uploads;

/**
 * FILE-3: what every {@link FileStore} promises, run against each of them: content in and out unchanged with its size
 * and SHA-256, nothing left behind past the limit, keys that cannot escape, content longer than any buffer streamed.
 */
abstract class FileStoreContract {

    /** Larger than the S3 store's part under test, so it goes up in several parts. */
    static final long LONG_CONTENT = 12L * 1024 * 1024 + 17;

    abstract FileStore store() throws IOException;

    /** Every key (and unfinished part) the store holds. */
    abstract long storedObjects() throws IOException;

    @Test
    void storesContentWithItsSizeAndSha256() throws IOException {
        var store = store();

        var stored = store.put("uploads/a1", bytes("hello"), 10);

        assertThat(stored.size()).isEqualTo(5);
        assertThat(stored.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        try (var in = store.open("uploads/a1")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void contentPastTheLimitLeavesNothingBehind() throws IOException {
        var store = store();
        long before = storedObjects();

        assertThatThrownBy(() -> store.put("uploads/big", bytes("0123456789X"), 10)).isInstanceOf(TooLarge.class);

        assertThat(storedObjects()).isEqualTo(before);
        assertThatThrownBy(() -> store.open("uploads/big")).isInstanceOf(IOException.class);
    }

    @Test
    void longContentOfUnknownLengthStreamsThroughAndPastTheLimitMidwayLeavesNothing() throws IOException {
        var store = store();
        long before = storedObjects();

        var stored = store.put("uploads/long", Uploads.generated(LONG_CONTENT), LONG_CONTENT);

        assertThat(stored.size()).isEqualTo(LONG_CONTENT);
        assertThat(stored.sha256()).isEqualTo(sha256(Uploads.generated(LONG_CONTENT)));
        try (var in = store.open("uploads/long")) {
            assertThat(sha256(in)).isEqualTo(stored.sha256());
        }
        assertThatThrownBy(() -> store.put("uploads/too-long", Uploads.generated(LONG_CONTENT), LONG_CONTENT - 1))
                .isInstanceOf(TooLarge.class);
        assertThat(storedObjects()).isEqualTo(before + 1);
        store.delete("uploads/long");
        assertThat(storedObjects()).isEqualTo(before);
    }

    @Test
    void deletingAMissingKeyIsNotAnErrorAndOpeningOneIs() throws IOException {
        var store = store();

        store.delete("uploads/never-stored");

        assertThatThrownBy(() -> store.open("uploads/never-stored")).isInstanceOf(IOException.class);
    }

    @Test
    void keysThatClimbOutOfTheRootAreRefused() throws IOException {
        var store = store();

        assertThatThrownBy(() -> store.put("../etc/passwd", bytes("x"), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("uploads/../../x")).isInstanceOf(IllegalArgumentException.class);
    }

    static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(InputStream in) throws IOException {
        try {
            var digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
            digest.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
