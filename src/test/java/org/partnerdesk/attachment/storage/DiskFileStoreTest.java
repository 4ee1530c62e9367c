package org.partnerdesk.attachment.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.partnerdesk.attachment.FileStore;

/** FILE-3 default store: the contract on the disk under a data directory. */
class DiskFileStoreTest extends FileStoreContract {

    @TempDir
    Path root;

    @Override
    FileStore store() throws IOException {
        return new DiskFileStore(root);
    }

    @Override
    long storedObjects() throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
