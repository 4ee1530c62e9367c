package org.partnerdesk.attachment;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.partnerdesk.attachment.persistence.StoredAttachments;
import org.partnerdesk.attachment.persistence.StoredUploads;
import org.partnerdesk.ticket.TicketFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issue #17 item 5: a purged ticket keeps no file. Its attachments (FILE-1) and its Support Uploader files (FILE-2) leave
 * the database in the purge's transaction and the store once it commits, so a purge that rolls back keeps its files.
 */
@Component
class PurgedTicketFiles implements TicketFiles {

    private static final Logger log = LoggerFactory.getLogger(PurgedTicketFiles.class);

    private final StoredAttachments attachments;
    private final StoredUploads uploaderFiles;
    private final FileStore store;
    private final Clock clock;

    PurgedTicketFiles(StoredAttachments attachments, StoredUploads uploaderFiles, FileStore store, Clock clock) {
        this.attachments = attachments;
        this.uploaderFiles = uploaderFiles;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public int removeAllOf(long ticketId) {
        List<String> keys = new ArrayList<>(attachments.removeOfTicket(ticketId));
        keys.addAll(uploaderFiles.markRemoved(ticketId, clock.instant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keys.forEach(PurgedTicketFiles.this::forget);
                }
            });
        } else {
            keys.forEach(this::forget);
        }
        return keys.size();
    }

    private void forget(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove stored file {} of a purged ticket; it is referenced by no row", key, e);
        }
    }
}
