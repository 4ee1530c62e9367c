package org.partnerdesk.attachment.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerdesk.attachment.FileStore.TooLarge;

class DiskFileStoreTest {

    @TempDir
    Path root;

    @Test
    void storesContentWithItsSizeAndSha256() throws IOException {
        var store = new DiskFileStore(root);

        var stored = store.put("uploads/a1", bytes("hello"), 10);

        assertThat(stored.size()).isEqualTo(5);
        assertThat(stored.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        try (var in = store.open("uploads/a1")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void contentPastTheLimitLeavesNothingBehind() throws IOException {
        var store = new DiskFileStore(root);

        assertThatThrownBy(() -> store.put("uploads/big", bytes("0123456789X"), 10)).isInstanceOf(TooLarge.class);

        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void keysThatClimbOutOfTheRootAreRefused() throws IOException {
        var store = new DiskFileStore(root);

        assertThatThrownBy(() -> store.put("../etc/passwd", bytes("x"), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
