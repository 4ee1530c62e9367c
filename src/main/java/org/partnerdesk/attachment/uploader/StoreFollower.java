package org.partnerdesk.attachment.uploader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.attachment.FileStore;
import org.partnerdesk.attachment.FileStore.StoredFile;

/**
 * FILE-3: streams an upload into the {@link FileStore} while it is still arriving, reading the staging file only up to
 * the bytes the receiving PATCH has written, so finishing waits for the last bytes instead of a second pass over the
 * file. It gives up (and the store keeps nothing) when told to, or when no byte arrives for {@code idle}; finishing
 * then falls back to one pass over the staged file.
 */
final class StoreFollower {

    private final long length;
    private final Duration idle;
    private final CompletableFuture<StoredFile> result = new CompletableFuture<>();
    private long staged;
    private boolean stopped;

    private StoreFollower(long length, long staged, Duration idle) {
        this.length = length;
        this.staged = staged;
        this.idle = idle;
    }

    /** Starts following {@code stagingFile} on a virtual thread, storing it under {@code storageKey}. */
    static StoreFollower start(FileStore store, String storageKey, Path stagingFile, long length, long staged, Duration idle) {
        StoreFollower follower = new StoreFollower(length, staged, idle);
        Thread.ofVirtual().name("uploader-store-" + storageKey).start(() -> {
            try (FileChannel channel = FileChannel.open(stagingFile, StandardOpenOption.READ)) {
                follower.result.complete(store.put(storageKey, follower.new Tail(channel), length));
            } catch (Throwable e) {
                follower.result.completeExceptionally(e);
            }
        });
        return follower;
    }

    /** The receiving side has {@code offset} bytes in the staging file. */
    synchronized void advance(long offset) {
        staged = Math.max(staged, offset);
        notifyAll();
    }

    /** Gives up: the bytes read so far may be about to change (a refused PATCH is cut back) or the upload is gone. */
    void stop() {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        try {
            result.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // stopping is the point; what it failed with does not matter
        }
    }

    boolean alive() {
        return !result.isDone();
    }

    /** The stored file once the whole upload has been read, or null if following failed and a full pass is needed. */
    @Nullable StoredFile await() {
        try {
            StoredFile file = result.get();
            return file.size() == length ? file : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** The staging file as a stream that waits at the written end until more is written, up to the upload's length. */
    private final class Tail extends InputStream {

        private final FileChannel channel;
        private long position;

        Tail(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int wanted) throws IOException {
            if (position >= length) {
                return -1;
            }
            long available = awaitBytes();
            int count = (int) Math.min(wanted, available - position);
            int read = channel.read(ByteBuffer.wrap(buffer, offset, count), position);
            if (read <= 0) {
                throw new IOException("the staging file is shorter than written");
            }
            position += read;
            return read;
        }

        private long awaitBytes() throws IOException {
            synchronized (StoreFollower.this) {
                long deadline = System.nanoTime() + idle.toNanos();
                while (!stopped && staged <= position) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IOException("no bytes arrived for " + idle);
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(StoreFollower.this, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
                if (stopped) {
                    throw new IOException("stopped");
                }
                return staged;
            }
        }
    }
}
