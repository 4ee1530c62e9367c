package org.partnerdesk.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

import org.partnerdesk.attachment.FileStore;

/**
 * FILE-3 default: files under {@code <data dir>/files}. A put writes a temporary file beside the target and moves it
 * into place, so a reader never sees half a file and a failed put leaves nothing.
 */
class DiskFileStore implements FileStore {

    /** Keys are the desk's own: lower-case words, digits, dashes and slashes; nothing that climbs out of the root. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    private final Path root;

    DiskFileStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public StoredFile put(String key, InputStream content, long maxBytes) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(".partial-" + UUID.randomUUID());
        CountingDigest copy = new CountingDigest();
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                copy.copy(content, out, maxBytes);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return new StoredFile(key, copy.size(), copy.sha256());
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("outside the storage root: " + key);
        }
        return path;
    }
}
