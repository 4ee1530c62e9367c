package org.partnerdesk.attachment.uploader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * FILE-2, FILE-3: the bytes of unfinished uploads, one file per upload under {@code <data dir>/uploader}, appended as
 * they arrive so an interrupted PATCH keeps what came. The file's size is the upload's offset.
 */
class Staging {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final int BUFFER = 256 * 1024;

    private final Path root;

    Staging(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    void create(String key) throws IOException {
        Files.createFile(path(key));
    }

    /** The bytes staged so far; -1 when nothing is staged under {@code key}. */
    long offset(String key) throws IOException {
        Path path = path(key);
        return Files.exists(path) ? Files.size(path) : -1;
    }

    /**
     * Appends {@code body} from {@code offset} on, at most {@code room} bytes. Past {@code room} the file is cut back to
     * {@code offset} and {@link TooMuch} thrown; a body that breaks off keeps what arrived
     * ({@link TusUploads.BodyBrokeOff}). {@code progress} hears each
     * offset once its bytes are written. Returns the new offset.
     */
    long append(String key, long offset, InputStream body, long room, LongConsumer progress) throws IOException {
        try (FileChannel channel = FileChannel.open(path(key), StandardOpenOption.WRITE); FileLock ignored = lock(channel)) {
            channel.position(offset);
            byte[] buffer = new byte[BUFFER];
            long written = 0;
            boolean more = true;
            while (more) {
                int filled = 0;
                IOException broken = null;
                try {
                    int read = 0;
                    while (filled < BUFFER && (read = body.read(buffer, filled, BUFFER - filled)) != -1) {
                        filled += read;
                    }
                    more = read != -1;
                } catch (IOException e) {
                    broken = e; // the client went away: keep what arrived, then report
                }
                if (written + filled > room) {
                    channel.truncate(offset);
                    throw new TooMuch();
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, filled);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                written += filled;
                progress.accept(offset + written);
                if (broken != null) {
                    throw new TusUploads.BodyBrokeOff(offset + written, broken);
                }
            }
            return offset + written;
        }
    }

    /** Staged keys in this directory untouched since {@code before}, for the clean-up of bytes whose upload was dropped elsewhere. */
    List<String> keysUntouchedSince(Instant before) throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(path -> lastModified(path).isBefore(before)).map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".part") && KEY.matcher(name.substring(0, name.length() - 5)).matches())
                    .map(name -> name.substring(0, name.length() - 5)).toList();
        }
    }

    private static Instant lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone meanwhile: nothing to remove
        }
    }

    // issue #11 item 6: a staging directory shared by several nodes takes one PATCH per upload at a time across all of them
    private static @Nullable FileLock lock(FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new Busy(); // held by another node in this same JVM (tests run two nodes in one)
        } catch (IOException e) {
            return null; // a shared file system without locks (NFS without lockd): each node still guards its own PATCHes
        }
        if (lock == null) {
            throw new Busy();
        }
        return lock;
    }

    InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an upload key: " + key);
        }
        return root.resolve(key + ".part");
    }

    /** Another node is appending to this upload right now. */
    static final class Busy extends IOException {
        Busy() {
            super("another node is appending to this upload");
        }
    }

    /** The body went past the upload's length; nothing of it was kept. */
    static final class TooMuch extends IOException {
        TooMuch() {
            super("the body goes past the upload's length");
        }
    }
}
