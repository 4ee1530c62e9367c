package org.partnerdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code @NullMarked} applies to one package, not its sub-packages: every package says so itself (issue #13). */
class NullMarkedPackagesTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "partnerdesk");

    @Test
    void everyPackageIsNullMarked() throws IOException {
        List<String> unmarked;
        try (Stream<Path> folders = Files.walk(SOURCES)) {
            unmarked = folders.filter(Files::isDirectory)
                    .filter(folder -> !folder.equals(SOURCES)) // the application class alone, no module of its own
                    .filter(folder -> !isNullMarked(folder.resolve("package-info.java")))
                    .map(folder -> SOURCES.relativize(folder).toString())
                    .toList();
        }
        assertThat(unmarked).as("packages under org.partnerdesk without @NullMarked in their package-info.java").isEmpty();
    }

    private static boolean isNullMarked(Path packageInfo) {
        try {
            return Files.exists(packageInfo) && Files.readString(packageInfo).contains("@NullMarked");
        } catch (IOException e) {
            return false;
        }
    }
}
