package org.partnerdesk.attachment.uploader;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.partnerdesk.attachment.FileStore;
import org.partnerdesk.attachment.persistence.StoredUploads;
import org.partnerdesk.ticket.TicketDeletions;
import org.partnerdesk.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * FILE-2, DOMAIN-FACTS "Files": unfinished uploads on links that expired or whose ticket closed lose their staged bytes,
 * and the files of a closed ticket go (their name, size and SHA-256 stay listed, with {@code removed_at}).
 */
@Service
class UploaderCleanup {

    private static final Logger log = LoggerFactory.getLogger(UploaderCleanup.class);

    private final StoredUploads stored;
    private final TusUploads uploads;
    private final FileStore files;
    private final Tickets tickets;
    private final TicketDeletions deletions;

    UploaderCleanup(StoredUploads stored, TusUploads uploads, FileStore files, Tickets tickets, TicketDeletions deletions) {
        this.deletions = deletions;
        this.stored = stored;
        this.uploads = uploads;
        this.files = files;
        this.tickets = tickets;
    }

    /** One sweep as of {@code now}; returns how many uploads were dropped and files removed. */
    int sweep(Instant now) throws IOException {
        int swept = 0;
        for (TusUpload upload : stored.receivingOnDeadLinks(now)) {
            swept += uploads.abandon(upload) ? 1 : 0;
        }
        for (long ticketId : stored.ticketsWithReceivingUploadsOrKeptFiles()) {
            if (!tickets.isClosed(ticketId) || deletions.isInBin(ticketId)) {
                continue; // issue #17 item 5: a deleted ticket keeps its files until it is restored or purged
            }
            for (TusUpload upload : stored.receivingOnTicket(ticketId)) {
                swept += uploads.abandon(upload) ? 1 : 0;
            }
            List<String> keys = stored.markRemoved(ticketId, now);
            for (String key : keys) {
                try {
                    files.delete(key);
                    swept++;
                } catch (IOException e) {
                    log.warn("Could not remove {} of closed ticket {}", key, ticketId, e);
                }
            }
        }
        return swept + uploads.removeOrphanedStaging();
    }
}
