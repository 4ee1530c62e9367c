package org.partnerdesk.escalation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** TKT-7 [003]: a support ticket attention request; while starred, the on-call support manager owes an answer by respondBy. */
public record StarRequest(long id, long ticketId, long requestedBy, Urgency urgency, String plan, String reason,
                          String desiredResult, long assigneeId, Instant respondBy, Status status,
                          @Nullable String unstarReason, @Nullable String alternativePath, Instant createdAt, Instant updatedAt) {

    public enum Status {
        STARRED, UNSTARRED;

        public String code() {
            return name().toLowerCase();
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    /** A new request, not yet stored. */
    public static StarRequest starred(long ticketId, long requestedBy, Urgency urgency, String plan, String reason,
                                      String desiredResult, long assigneeId, Instant respondBy, Instant at) {
        return new StarRequest(0, ticketId, requestedBy, urgency, plan, reason, desiredResult, assigneeId, respondBy,
                Status.STARRED, null, null, at, at);
    }

    public boolean isStarred() {
        return status == Status.STARRED;
    }

    /** TKT-7: unstarring records why, and the path agreed instead; a request is unstarred once. */
    public StarRequest unstar(@Nullable String why, @Nullable String alternative, Instant at) {
        if (!isStarred()) {
            throw new StarRefusal("status", "STAR request " + id + " was already unstarred; star the ticket again to ask for attention anew");
        }
        if (why == null || why.isBlank()) {
            throw new StarRefusal("reason", "unstarring needs a documented reason: say why the ticket no longer needs attention");
        }
        return new StarRequest(id, ticketId, requestedBy, urgency, plan, reason, desiredResult, assigneeId, respondBy,
                Status.UNSTARRED, why.strip(), alternative == null || alternative.isBlank() ? null : alternative.strip(),
                createdAt, at);
    }
}
