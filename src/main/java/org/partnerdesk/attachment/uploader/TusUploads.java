package org.partnerdesk.attachment.uploader;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.attachment.FileStore;
import org.partnerdesk.attachment.FileStore.StoredFile;
import org.partnerdesk.attachment.UploadLinks.Link;
import org.partnerdesk.attachment.persistence.StoredUploads;
import org.partnerdesk.jobs.NodeName;
import org.partnerdesk.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FILE-2 the tus 1.0 side of a link: create an upload, tell its offset, append bytes, finish it. Bytes are staged on
 * disk as they arrive and streamed from there into the {@link FileStore} (which hashes them) by a {@link StoreFollower};
 * with the last byte the file is recorded with its internal note in one transaction; if that fails the stored copy
 * goes again, so nothing is half-recorded.
 */
@Service
public class TusUploads {

    private static final Logger log = LoggerFactory.getLogger(TusUploads.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration FOLLOW_IDLE = Duration.ofSeconds(60);

    /** Where an upload stands: bytes received of its length. */
    public record Progress(long offset, long length) {
        public boolean complete() {
            return offset == length;
        }
    }

    /** The client stopped sending mid-PATCH (it hung up, or stalled past the read timeout): what arrived up to {@code offset} is kept. */
    public static final class BodyBrokeOff extends IOException {

        private final long offset;

        BodyBrokeOff(long offset, IOException cause) {
            super("the request body broke off at byte " + offset, cause);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    private final StoredUploads stored;
    private final Staging staging;
    private final FileStore files;
    private final Tickets tickets;
    private final UploaderSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final NodeName node;
    // one PATCH (or finish, or termination) per upload at a time in this process; staging lives on this node's disk
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    // FILE-3: the upload being streamed into the store while it arrives, by upload key
    private final Map<String, StoreFollower> followers = new ConcurrentHashMap<>();

    TusUploads(StoredUploads stored, Staging staging, FileStore files, Tickets tickets, UploaderSettings settings,
               TransactionTemplate transaction, Clock clock, NodeName node) {
        this.stored = stored;
        this.staging = staging;
        this.files = files;
        this.tickets = tickets;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.node = node;
    }

    public long maxFileSize() {
        return settings.maxFileSize().toBytes();
    }

    /** The link behind a token, if it still takes files: 404 for no such link, 410 once it expired or its ticket closed. */
    public Link liveLink(String token) {
        Link link = (LinkTokens.wellFormed(token) ? stored.linkByTokenHash(LinkTokens.hash(token)) : java.util.Optional.<Link>empty())
                .orElseThrow(() -> ApiException.notFound("Upload link"));
        if (link.expiredAt(clock.instant())) {
            throw gone("This upload link expired at " + WholeSeconds.of(link.expiresAt()) + "; ask the agent on your ticket for a new one.");
        }
        if (tickets.isClosed(link.ticketId())) {
            throw gone("The ticket of this upload link is closed, which ended the link.");
        }
        return link;
    }

    /** tus creation: an empty upload of {@code length} bytes named by the metadata. */
    public TusUpload create(String token, long length, FileName name) throws IOException {
        Link link = liveLink(token);
        if (length == 0) {
            // the same refusal as POST /api/v2/uploads gives an empty file
            throw ApiException.invalid("file", "blank", "The file is empty (Upload-Length: 0): there is nothing to send to support.");
        }
        if (length > maxFileSize()) {
            throw new ApiException(413, "RequestEntityTooLarge", "Files sent through the Support Uploader are at most "
                    + maxFileSize() + " bytes (FILE-2); this one is " + length + ".");
        }
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        String key = HexFormat.of().formatHex(secret);
        staging.create(key);
        try {
            return stored.insertUpload(link.id(), key, name.value(), length, node.value(), now());
        } catch (RuntimeException e) {
            staging.delete(key);
            throw e;
        }
    }

    /** tus HEAD: how many bytes have arrived. */
    public Progress progress(String token, String key) throws IOException {
        TusUpload upload = upload(liveLink(token), key);
        if (upload.status() == TusUpload.Status.FINISHED) {
            return new Progress(upload.length(), upload.length());
        }
        return new Progress(stagedOffset(upload), upload.length());
    }

    /**
     * tus PATCH: appends {@code body} at {@code offset}. The offset must be where the upload stands (409); a body that
     * would go past the length changes nothing (413); the last byte finishes the file. An empty PATCH at the end
     * finishes an upload whose finishing failed before. A body that breaks off keeps what arrived ({@link BodyBrokeOff}).
     */
    public Progress append(String token, String key, long offset, long contentLength, InputStream body) throws IOException {
        Link link = liveLink(token);
        TusUpload upload = upload(link, key);
        if (!busy.add(key)) {
            throw new ApiException(423, "Locked", "Another PATCH of this upload is still running; HEAD it in a moment and continue from its offset.");
        }
        try {
            upload = upload(link, key);
            if (upload.status() == TusUpload.Status.FINISHED) {
                throw new ApiException(409, "UploadComplete", "This upload is already complete; its file is on the ticket.");
            }
            long at = stagedOffset(upload);
            if (offset != at) {
                throw new ApiException(409, "OffsetMismatch", "Upload-Offset is " + offset + " but the upload stands at " + at
                        + "; HEAD the upload and continue from there.");
            }
            long room = upload.length() - at;
            if (contentLength > room) {
                throw tooMuch(upload, at);
            }
            StoreFollower follower = follow(link, upload, at);
            long now;
            try {
                now = staging.append(key, at, body, room, follower::advance);
            } catch (Staging.Busy e) {
                stopFollowing(key);
                throw new ApiException(423, "Locked", "Another PATCH of this upload is still running on another node; HEAD it in a moment and continue from its offset.");
            } catch (Staging.TooMuch e) {
                stopFollowing(key); // it may have read bytes that were just cut back
                throw tooMuch(upload, at);
            } catch (BodyBrokeOff e) {
                // a client hanging up is what resumable uploads are for, not a server error: one line, no stack trace
                log.info("Upload {} (link #{}): the client broke off its PATCH at {} of {} bytes ({}); the bytes that arrived are kept for resuming",
                        upload.id(), link.id(), e.offset(), upload.length(), String.valueOf(e.getCause()));
                throw e;
            }
            if (now == upload.length()) {
                finish(link, upload);
            }
            return new Progress(now, upload.length());
        } finally {
            busy.remove(key);
        }
    }

    /** tus termination: an unfinished upload is dropped with its staged bytes; a finished file stays with the ticket. */
    public void terminate(String token, String key) throws IOException {
        TusUpload upload = upload(liveLink(token), key);
        if (!busy.add(key)) {
            throw new ApiException(423, "Locked", "A PATCH of this upload is still running.");
        }
        try {
            if (upload.status() == TusUpload.Status.FINISHED || !stored.leaveReceiving(upload.id(), TusUpload.Status.TERMINATED, now())) {
                throw new ApiException(409, "UploadComplete", "This upload is already complete; its file stays on the ticket.");
            }
            stopFollowing(key);
            staging.delete(key);
        } finally {
            busy.remove(key);
        }
    }

    /** Drops an unfinished upload whose link died (the clean-up job); false if it had moved on meanwhile. */
    boolean abandon(TusUpload upload) throws IOException {
        if (!busy.add(upload.key())) {
            return false;
        }
        try {
            if (!stored.leaveReceiving(upload.id(), TusUpload.Status.ABANDONED, now())) {
                return false;
            }
            stopFollowing(upload.key());
            staging.delete(upload.key());
            return true;
        } finally {
            busy.remove(upload.key());
        }
    }

    /** Issue #11 item 6: removes the staged bytes in this node's staging directory whose upload no longer receives. */
    int removeOrphanedStaging() throws IOException {
        int removed = 0;
        // an hour's grace: a key is staged a moment before its row is written; file times are the system clock's, not the desk's
        for (String key : staging.keysUntouchedSince(Clock.systemUTC().instant().minus(Duration.ofHours(1)))) {
            if (!busy.contains(key) && !stored.isReceiving(key) && busy.add(key)) {
                try {
                    stopFollowing(key);
                    staging.delete(key);
                    removed++;
                } finally {
                    busy.remove(key);
                }
            }
        }
        return removed;
    }

    // FILE-2, FILE-3: staged file -> store (streamed, hashed) -> one transaction: finished, linked to the ticket, noted
    private void finish(Link link, TusUpload upload) throws IOException {
        String storageKey = storageKey(link, upload);
        StoreFollower follower = followers.remove(upload.key());
        StoredFile followed = follower == null ? null : follower.await();
        StoredFile file = followed != null ? followed : storeInOnePass(upload, storageKey);
        if (file.size() != upload.length()) {
            files.delete(storageKey);
            throw new IllegalStateException("staged " + file.size() + " bytes for an upload of " + upload.length());
        }
        try {
            transaction.executeWithoutResult(status -> {
                Instant now = now();
                if (!stored.leaveReceiving(upload.id(), TusUpload.Status.FINISHED, now)) {
                    throw new ApiException(409, "UploadComplete", "This upload was completed or terminated meanwhile.");
                }
                stored.insertFile(link.ticketId(), upload.id(), upload.fileName(), file, now);
                tickets.addInternalNote(link.ticketId(), null, "file received: " + upload.fileName() + ", " + describe(file.size())
                        + ", SHA-256 " + file.sha256() + " (Support Uploader link #" + link.id() + ", FILE-2)");
            });
        } catch (RuntimeException e) {
            files.delete(storageKey);
            throw e;
        }
        try {
            staging.delete(upload.key());
        } catch (IOException e) {
            log.warn("Could not remove the staged copy of finished upload {}; the clean-up job will not see it again", upload.id(), e);
        }
    }

    // nothing followed this upload to its end (it resumed after a long pause, or the store failed): one pass over the staged file
    private StoredFile storeInOnePass(TusUpload upload, String storageKey) throws IOException {
        try (InputStream staged = staging.open(upload.key())) {
            return files.put(storageKey, staged, upload.length());
        }
    }

    /** The follower of this upload, started (reading from byte 0) if none is running. */
    private StoreFollower follow(Link link, TusUpload upload, long staged) {
        StoreFollower running = followers.get(upload.key());
        if (running != null && running.alive()) {
            return running;
        }
        StoreFollower started = StoreFollower.start(files, storageKey(link, upload), staging.path(upload.key()), upload.length(), staged,
                FOLLOW_IDLE);
        followers.put(upload.key(), started);
        return started;
    }

    private void stopFollowing(String key) {
        StoreFollower follower = followers.remove(key);
        if (follower != null) {
            follower.stop();
        }
    }

    private static String storageKey(Link link, TusUpload upload) {
        return "uploader/ticket-" + link.ticketId() + "/" + upload.key();
    }

    private TusUpload upload(Link link, String key) {
        TusUpload upload = (key.matches("[0-9a-f]{32}") ? stored.upload(link.id(), key) : java.util.Optional.<TusUpload>empty())
                .orElseThrow(() -> ApiException.notFound("Upload"));
        if (upload.status() == TusUpload.Status.TERMINATED || upload.status() == TusUpload.Status.ABANDONED) {
            throw gone("This upload was " + upload.status().code() + "; start the file again.");
        }
        return upload;
    }

    private long stagedOffset(TusUpload upload) throws IOException {
        long offset = staging.offset(upload.key());
        if (offset < 0) {
            throw notStagedHere(upload);
        }
        return offset;
    }

    /**
     * Issue #11 item 6: the bytes of this upload are staged where this node cannot reach them (another node's own staging
     * directory, or a staging directory that was lost). A 410 tells a tus client to start the file again; the upload is
     * dropped so no node resumes it afterwards.
     */
    private ApiException notStagedHere(TusUpload upload) {
        String stagedOn = stored.stagedOn(upload.id()).orElse(null);
        stored.leaveReceiving(upload.id(), TusUpload.Status.ABANDONED, now());
        String where = stagedOn == null || stagedOn.equals(node.value())
                ? "the bytes sent so far are no longer staged"
                : "the bytes sent so far are staged on node " + stagedOn + ", which this request did not reach (this is node " + node.value() + ")";
        log.warn("Upload {} cannot be resumed here: {}; the client is told to start again", upload.id(), where);
        return new ApiException(410, "UploadRestartRequired", "This upload cannot be resumed: " + where
                + ". Start the file again; it takes a new upload (POST to the link).");
    }

    private static ApiException tooMuch(TusUpload upload, long at) {
        return new ApiException(413, "RequestEntityTooLarge", "The body goes past the end of the upload: it stands at " + at + " of "
                + upload.length() + " bytes; nothing of this PATCH was kept.");
    }

    private static ApiException gone(String why) {
        return new ApiException(410, "Gone", why);
    }

    static String describe(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB (%d bytes)", bytes / 1024.0 / 1024.0, bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
