package org.partnerdesk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The demo users' sign-ins, written once when the demo data is loaded, beside the data they open
 * ({@code PARTNERDESK_DATA_DIR/demo-credentials.txt}), readable by the owner only: they stay valid across restarts.
 */
final class DemoCredentials {

    static final String FILE_NAME = "demo-credentials.txt";

    record Credential(String email, String name, String token, String password) {
    }

    private final Path file;

    DemoCredentials(Path dataDir) {
        this.file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    boolean exist() {
        return Files.exists(file);
    }

    void write(List<Credential> credentials, String baseUrl) {
        StringBuilder text = new StringBuilder("""
                # PartnerDesk demo users, created with the demo data. Tokens and passwords stay valid across restarts.
                # API:      curl -u 'EMAIL/token:API_TOKEN' %1$s/api/v2/users/me
                # Password: curl -u 'EMAIL:PASSWORD' %1$s/api/v2/users/me
                # Browser:  %1$s/sign-in with an e-mail and its password; the demo agent is %2$s (agent console: %1$s/agent)
                # A new set is written when the demo data is loaded into an empty database (or this file is deleted).
                #
                """.formatted(baseUrl, DemoTickets.AGENT));
        text.append(String.format("# %-34s %-64s %-15s %s%n", "e-mail", "API token", "password", "name"));
        credentials.forEach(c -> text.append(String.format("%-36s %-64s %-15s # %s%n", c.email(), c.token(), c.password(), c.name())));
        try {
            Files.createDirectories(file.getParent());
            // written to an owner-only file first and moved, so the secrets are never readable by others, not even briefly
            Path temporary = posix()
                    ? Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo credentials to " + file, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
