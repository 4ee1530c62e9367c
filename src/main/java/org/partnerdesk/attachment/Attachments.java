package org.partnerdesk.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.attachment.FileStore.StoredFile;
import org.partnerdesk.attachment.FileStore.TooLarge;
import org.partnerdesk.attachment.persistence.StoredAttachments;
import org.partnerdesk.attachment.persistence.StoredAttachments.ExpiredUpload;
import org.partnerdesk.attachment.persistence.StoredAttachments.UploadRow;
import org.partnerdesk.attachment.upload.ContentTypes;
import org.partnerdesk.attachment.upload.FileNames;
import org.partnerdesk.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FILE-1 standard attachments, Zendesk style: a file is uploaded on its own and gets a token; a comment that names the
 * token attaches it (through {@link org.partnerdesk.ticket.CommentUploads}); then the ticket's readers may read it.
 * Bytes stream to the {@link FileStore} outside any transaction (no connection is held while a client sends);
 * the rows follow in a short one.
 */
@Service
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);
    private static final int SWEEP_BATCH = 100;
    private static final char[] TOKEN_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final StoredAttachments stored;
    private final FileStore store;
    private final Tickets tickets;
    private final UploadLimits limits;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();

    Attachments(StoredAttachments stored, FileStore store, Tickets tickets, UploadLimits limits, Clock clock,
                TransactionTemplate transaction) {
        this.stored = stored;
        this.store = store;
        this.tickets = tickets;
        this.limits = limits;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * Stores one file under a new upload token, or under {@code file.token()} when the caller's own, unexpired, unused
     * upload is named. A file over the limit (FILE-1) or an empty one is refused and leaves nothing behind.
     */
    public Upload upload(Actor actor, NewFile file, InputStream body) throws IOException {
        String name = FileNames.check(file.fileName());
        if (file.token() != null) {
            requireJoinable(stored.findUpload(file.token()).orElse(null), actor, file.token());
        }
        if (file.declaredLength() > limits.maxBytes()) {
            throw tooLarge(); // refused before a byte is read
        }
        PushbackInputStream content = new PushbackInputStream(new ClientBody(body), 1);
        int first = content.read();
        if (first == -1) {
            throw ApiException.invalid("file", "blank", "The file is empty (0 bytes): send the file's content as the request body.");
        }
        content.unread(first);
        String key = "attachments/" + UUID.randomUUID();
        StoredFile saved;
        try {
            saved = store.put(key, content, limits.maxBytes());
        } catch (TooLarge e) {
            throw tooLarge();
        }
        String type = ContentTypes.recorded(file.declaredType(), name);
        try {
            return transaction.execute(status -> record(actor, file.token(), name, type, saved));
        } catch (RuntimeException e) {
            forget(key);
            throw e;
        }
    }

    private Upload record(Actor actor, @Nullable String token, String name, String type, StoredFile saved) {
        UploadRow upload;
        if (token == null) {
            Instant expiresAt = clock.instant().plus(limits.tokenLifetime()).truncatedTo(ChronoUnit.SECONDS);
            upload = stored.insertUpload(newToken(), actor.userId(), expiresAt);
        } else {
            upload = requireJoinable(stored.lockUpload(token).orElse(null), actor, token); // again, now that it is locked
        }
        stored.insertAttachment(upload.id(), actor.userId(), name, type, saved);
        return new Upload(upload.token(), upload.uploaderId(), upload.expiresAt(), stored.ofUpload(upload.id()));
    }

    private UploadRow requireJoinable(@Nullable UploadRow upload, Actor actor, String token) {
        if (upload == null || upload.uploaderId() != actor.userId()) {
            throw ApiException.invalid("token", "invalid_value", "Upload token " + token
                    + " is not one of your uploads: leave token out to start a new upload.");
        }
        if (upload.commentId() != null) {
            throw ApiException.invalid("token", "invalid_value", "Upload token " + token
                    + " is already attached to a comment: leave token out to start a new upload.");
        }
        if (!upload.expiresAt().isAfter(clock.instant())) {
            throw ApiException.invalid("token", "invalid_value", "Upload token " + token + " expired at " + WholeSeconds.of(upload.expiresAt())
                    + ": leave token out to start a new upload.");
        }
        return upload;
    }

    /** Zendesk's {@code DELETE /uploads/{token}}: the uploader takes back an upload no comment has used yet. */
    public void deleteUpload(Actor actor, String token) {
        List<String> keys = transaction.execute(status -> {
            UploadRow upload = stored.lockUpload(token).filter(u -> u.uploaderId() == actor.userId())
                    .orElseThrow(() -> ApiException.notFound("Upload " + token));
            if (upload.commentId() != null) {
                throw ApiException.invalid("token", "invalid_value", "Upload " + token
                        + " is attached to a comment and stays with the ticket.");
            }
            List<String> storageKeys = stored.storageKeysOf(upload.id());
            stored.deleteUploads(List.of(upload.id()));
            return storageKeys;
        });
        keys.forEach(this::forget); // after commit: a failed commit must not leave rows without files
    }

    /**
     * An attachment the caller may read: attached ones by whoever may read the ticket (internal notes' by staff only),
     * unattached ones by their uploader alone; others are 404 or the ticket's 403.
     */
    public Attachment find(Actor actor, long id) {
        Attachment attachment = stored.find(id).orElseThrow(() -> ApiException.notFound("Attachment " + id));
        if (!attachment.isAttached()) {
            if (attachment.uploaderId() != actor.userId()) {
                throw ApiException.notFound("Attachment " + id);
            }
            return attachment;
        }
        tickets.find(actor, attachment.ticketId()); // API-2: 404 unless the caller may read the ticket (#10)
        if (!Boolean.TRUE.equals(attachment.onPublicComment()) && !actor.isStaff()) {
            throw ApiException.notFound("Attachment " + id);
        }
        return attachment;
    }

    /** The attachment's content, streamed from the store. */
    public Download open(Actor actor, long id) throws IOException {
        Attachment attachment = find(actor, id);
        return new Download(attachment, store.open(attachment.storageKey()));
    }

    /** FILE-1: removes uploads whose token expired unused, files first, in batches; answers how many. */
    public int removeExpired(Instant now) {
        int removed = 0;
        int batch;
        do {
            batch = transaction.execute(status -> {
                List<ExpiredUpload> expired = stored.lockExpired(now, SWEEP_BATCH);
                List<Long> ids = new ArrayList<>();
                for (ExpiredUpload upload : expired) {
                    upload.storageKeys().forEach(this::delete); // a failure rolls back: the rows stay for the next sweep
                    ids.add(upload.id());
                }
                if (!ids.isEmpty()) {
                    stored.deleteUploads(ids);
                }
                return ids.size();
            });
            removed += batch;
        } while (batch == SWEEP_BATCH);
        if (removed > 0) {
            log.info("Removed {} expired unused upload(s)", removed);
        }
        return removed;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "RequestEntityTooLarge", "The file is larger than " + limits.maxSizeInWords()
                + ", the most a ticket attachment may be (FILE-1); nothing was stored. Send larger files with the Support "
                + "Uploader: ask the agent on your ticket for an upload link (POST /api/v2/tickets/{id}/upload_links), "
                + "which takes files up to " + limits.supportUploaderMaxInWords() + " and resumes interrupted uploads.");
    }

    private void delete(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forget(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove stored file {}; it is referenced by no row", key, e);
        }
    }

    /** The request body: a read that fails is the client's broken upload (a 400), not the store's failure (a 500). */
    private static final class ClientBody extends FilterInputStream {

        ClientBody(InputStream in) {
            super(in);
        }

        @Override
        public int read() {
            try {
                return super.read();
            } catch (IOException e) {
                throw interrupted(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw interrupted(e);
            }
        }

        private static ApiException interrupted(IOException cause) {
            ApiException refusal = ApiException.badRequest("UploadInterrupted",
                    "The upload broke off before the whole file arrived; nothing was stored. Send the file again.");
            refusal.initCause(cause);
            return refusal;
        }
    }

    private String newToken() {
        char[] token = new char[32];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_CHARACTERS[random.nextInt(TOKEN_CHARACTERS.length)];
        }
        return new String(token);
    }
}
