package org.partnerdesk.ticket;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who owns the tickets of one form, as the module that runs that form decides (PO-6 for the Partner Operations form).
 * Intake applies it in memory, to its form only, so the other forms' intake does no more work than before.
 */
public interface IntakeRouting {

    /** The form whose tickets this routing assigns. */
    long formId();

    /** The owning group for a ticket with these custom fields, and an answer when the desk answers at once. */
    Route route(Map<Long, Object> customFields);

    /** The owning group when an agent's change of these fields moves the ticket to another owner (PO-6), else null. */
    @Nullable
    Route reroute(Map<Long, Object> before, Map<Long, Object> after);

    /**
     * @param groupId the owning group
     * @param reason  the rule and the fact that chose the group, kept with the audit event
     * @param answer  a public reply the desk gives at once, after which the ticket is solved; null when people answer
     */
    record Route(long groupId, String reason, @Nullable String answer) {
    }
}
