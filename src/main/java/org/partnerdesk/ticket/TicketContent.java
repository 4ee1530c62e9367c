package org.partnerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a ticket says, as the API writes it: everything of {@link Ticket} but the entitlement decision, so a reader that
 * never writes the decision (the incremental export, issue #17) need not load it.
 */
public interface TicketContent {

    long id();

    String subject();

    String description();

    boolean descriptionIsPublic();

    TicketStatus status();

    @Nullable TicketPriority priority();

    @Nullable TicketType type();

    long formId();

    long requesterId();

    long submitterId();

    @Nullable Long organizationId();

    @Nullable Long assigneeId();

    @Nullable Long groupId();

    List<String> tags();

    Map<Long, Object> customFields();

    List<Long> collaboratorIds();

    Instant createdAt();

    Instant updatedAt();

    /** What a reader sees as the description: an internal first comment is for staff only (TKT-1). */
    default String descriptionFor(boolean staff) {
        return staff || descriptionIsPublic() ? description() : "";
    }

    /** The priority's code, as the audit, the API and the SLA targets name it; none when the ticket has no priority. */
    default @Nullable String priorityCode() {
        return priority() == null ? null : priority().code();
    }

    default @Nullable String typeCode() {
        return type() == null ? null : type().code();
    }
}
