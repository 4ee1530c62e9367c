package org.partnerdesk.ticket;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Issue #17 item 4: how the Requests API sorts, as Zendesk's {@code sort_by} ({@code created_at}, the default, or
 * {@code updated_at}) and {@code sort_order} ({@code asc}, the default, or {@code desc}); ties go by the id.
 */
public record RequestOrder(boolean byUpdatedAt, boolean descending) {

    public static final RequestOrder OLDEST_FIRST = new RequestOrder(false, false);

    /** The order these parameters name; empty when one names none of the above. */
    public static Optional<RequestOrder> of(@Nullable String sortBy, @Nullable String sortOrder) {
        String by = sortBy == null || sortBy.isBlank() ? "created_at" : sortBy.strip();
        String order = sortOrder == null || sortOrder.isBlank() ? "asc" : sortOrder.strip();
        if (!(by.equals("created_at") || by.equals("updated_at")) || !(order.equals("asc") || order.equals("desc"))) {
            return Optional.empty();
        }
        return Optional.of(new RequestOrder(by.equals("updated_at"), order.equals("desc")));
    }
}
