package org.partnerdesk.partnerops;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One NFR transition as audited (PO-3, PO-4): who ({@code null}: the desk's renewal job), what, and the values it set. */
public record NfrAudit(long id, @Nullable Long authorId, String entity, long entityId, String action, Map<String, Object> changes,
                       Instant createdAt) {

    public NfrAudit {
        changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    }
}
