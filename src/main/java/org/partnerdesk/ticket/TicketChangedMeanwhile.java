package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.WholeSeconds;

/**
 * UI-1 collision, Zendesk's {@code safe_update}: the ticket changed after the copy a change was made against, so the
 * change is refused (409 {@code UpdateConflict}) and nothing is written, rather than laid silently over the other one.
 */
public final class TicketChangedMeanwhile extends ApiException {

    private final long ticketId;
    private final Instant updatedAt;

    TicketChangedMeanwhile(long ticketId, Instant expected, Instant updatedAt) {
        super(409, "UpdateConflict", "Ticket " + ticketId + " was changed at " + WholeSeconds.of(updatedAt)
                + ", after the copy this update was made against (updated_stamp " + WholeSeconds.of(expected) + "); nothing was saved."
                + " Fetch the ticket again, check what changed, and send the update with its new updated_at.",
                Map.of("updated_stamp", List.of(new FieldError("the ticket was changed at " + WholeSeconds.of(updatedAt)
                        + ", after this stamp", "stale"))));
        this.ticketId = ticketId;
        this.updatedAt = updatedAt;
    }

    public long ticketId() {
        return ticketId;
    }

    /** When the ticket was last changed: the stamp a new attempt, made after reading the change, carries. */
    public Instant updatedAt() {
        return updatedAt;
    }
}
