package org.partnerdesk.ticket;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * TKT-3 [004] an agent resetting a ticket's priority after creation. Customers are not told automatically, so the
 * same request carries a public comment explaining the change; the audit keeps that explanation as the reason.
 */
final class PriorityReset {

    static final int REASON_LENGTH = 200;

    private PriorityReset() {
    }

    /** Only staff get here with a priority (end users are refused first). The audit reason for this request's priority change, null when it changes no priority; refuses a silent reset. */
    static @Nullable String reasonFor(Ticket before, TicketChange change) {
        if (change.priority() == null || Objects.equals(change.priority(), before.priority())) {
            return null;
        }
        TicketChange.Comment comment = change.comment();
        if (comment == null || !comment.isPublic() || comment.body().isBlank()) {
            throw TicketRuleViolation.invalid(TicketRule.TKT_3, "priority", "changing the priority from " + code(before.priority())
                    + " to " + change.priority().code() + " needs a public comment in the same update that explains it to the customer,"
                    + " who is not notified otherwise");
        }
        String body = comment.body().strip();
        return TicketRule.TKT_3.id() + ": " + (body.length() > REASON_LENGTH ? body.substring(0, REASON_LENGTH) : body);
    }

    private static @Nullable String code(@Nullable TicketPriority priority) {
        return priority == null ? null : priority.code();
    }
}
