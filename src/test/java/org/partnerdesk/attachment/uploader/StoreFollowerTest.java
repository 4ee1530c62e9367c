package org.partnerdesk.attachment.uploader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerdesk.attachment.FileStore;

/** FILE-3: the store follows an upload as it arrives, and gives up (storing nothing) when stopped or left idle. */
class StoreFollowerTest {

    @TempDir
    Path dir;

    private final Recording store = new Recording();

    @Test
    void readsOnlyWhatWasWrittenAndFinishesWithTheWholeFile() throws Exception {
        Path staged = dir.resolve("upload.part");
        byte[] content = SupportUploaderTest.bytes(300_000);
        Files.write(staged, java.util.Arrays.copyOf(content, 100_000));
        StoreFollower follower = StoreFollower.start(store, "k", staged, content.length, 100_000, Duration.ofSeconds(10));

        follower.advance(100_000);
        Thread.sleep(50);
        assertThat(follower.alive()).isTrue(); // waits at the written end
        Files.write(staged, java.util.Arrays.copyOfRange(content, 100_000, 300_000), StandardOpenOption.APPEND);
        follower.advance(300_000);

        FileStore.StoredFile file = follower.await();
        assertThat(file).isNotNull();
        assertThat(file.size()).isEqualTo(300_000);
        assertThat(file.sha256()).isEqualTo(SupportUploaderTest.sha256(content));
    }

    @Test
    void stoppingLeavesNothingToFinishWith() throws Exception {
        Path staged = dir.resolve("upload.part");
        Files.write(staged, new byte[10]);
        StoreFollower follower = StoreFollower.start(store, "k", staged, 100, 10, Duration.ofSeconds(10));

        follower.stop();

        assertThat(follower.alive()).isFalse();
        assertThat(follower.await()).isNull();
    }

    @Test
    void anIdleUploadIsNoLongerFollowed() throws Exception {
        Path staged = dir.resolve("upload.part");
        Files.write(staged, new byte[10]);
        StoreFollower follower = StoreFollower.start(store, "k", staged, 100, 10, Duration.ofMillis(100));

        assertThat(follower.await()).isNull();
        assertThat(follower.alive()).isFalse();
    }

    /** Reads the whole stream like a store does and hashes it; an exception while reading stores nothing. */
    private static final class Recording implements FileStore {

        @Override
        public StoredFile put(String key, InputStream content, long maxBytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            content.transferTo(out);
            try {
                return new StoredFile(key, out.size(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray())));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public InputStream open(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
        }
    }
}
