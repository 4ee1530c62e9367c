package org.partnerdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The data directory (files, uploader staging) of this test JVM: its own, so test runs side by side never share files. */
public final class TestDataDir {

    public static final Path PATH = create();

    private TestDataDir() {
    }

    private static Path create() {
        try {
            // rwxr-xr-x: the embedded PostgreSQL runs as nobody when the tests run as root and must reach its directory
            return Files.createTempDirectory("partnerdesk-tests-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
