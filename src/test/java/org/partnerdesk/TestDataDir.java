package org.partnerdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The data directory (files, uploader staging) of this test JVM: its own, so test runs side by side never share files. */
public final class TestDataDir {

    public static final Path PATH = create();

    private TestDataDir() {
    }

    private static Path create() {
        try {
            return Files.createTempDirectory("partnerdesk-tests-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
