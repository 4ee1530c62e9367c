package org.partnerdesk.ticket;

/**
 * Issue #17 item 5: the files a ticket holds, for its permanent deletion. The attachment module implements it (it depends
 * on tickets, never the other way round), as it does {@link CommentUploads}.
 */
public interface TicketFiles {

    /**
     * Removes every file of the ticket, standard attachments (FILE-1) and Support Uploader files (FILE-2): the rows in the
     * caller's transaction, the stored files once it commits. Answers how many files it removed.
     */
    int removeAllOf(long ticketId);
}
