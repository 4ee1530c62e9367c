package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Issue #17 item 6: what a ticket's metrics are computed from, read from its audits and comments: the status, assignee
 * and group changes in order, and the replies and updates that matter.
 *
 * @param status          the ticket's status now
 * @param replies         public comments by agents after the opening comment (the desk's own automatic ones excluded)
 * @param firstReplyAt    the first of those replies
 * @param requesterUpdatedAt the last audit written by the requester
 * @param assigneeUpdatedAt  the last audit written by the current assignee
 */
public record TicketHistory(long ticketId, String status, Instant createdAt, Instant updatedAt, List<Change> changes, int replies,
                           @Nullable Instant firstReplyAt, @Nullable Instant latestCommentAt,
                           @Nullable Instant requesterUpdatedAt, @Nullable Instant assigneeUpdatedAt) {

    public TicketHistory {
        changes = List.copyOf(changes);
    }

    /** One audited value of {@code status}, {@code assignee_id} or {@code group_id}, oldest first. */
    public record Change(Instant at, String field, @Nullable String value) {

        boolean is(String name) {
            return field.equals(name);
        }
    }
}
