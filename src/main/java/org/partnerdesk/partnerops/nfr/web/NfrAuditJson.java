package org.partnerdesk.partnerops.nfr.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.NfrAudit;

/** Zendesk's audit shape for NFR audits (PO-3, PO-4): one Change event per value the transition set. */
final class NfrAuditJson {

    private NfrAuditJson() {
    }

    /** One value a transition set. */
    record FieldChange(String type, String fieldName, @Nullable Object value) {
        static List<FieldChange> of(NfrAudit audit) {
            List<FieldChange> events = new ArrayList<>();
            audit.changes().forEach((field, value) -> events.add(new FieldChange("Change", field, value)));
            return events;
        }
    }

    /** A step of an NFR request (PO-3). */
    record NfrRequestAudit(long id, long nfrRequestId, @Nullable Long authorId, String action, Instant createdAt, List<FieldChange> events) {
        static NfrRequestAudit of(NfrAudit audit) {
            return new NfrRequestAudit(audit.id(), audit.entityId(), audit.authorId(), audit.action(), audit.createdAt(), FieldChange.of(audit));
        }
    }

    /** A step of an NFR exception (PO-4). */
    record NfrExceptionAudit(long id, long nfrExceptionId, @Nullable Long authorId, String action, Instant createdAt,
                             List<FieldChange> events) {
        static NfrExceptionAudit of(NfrAudit audit) {
            return new NfrExceptionAudit(audit.id(), audit.entityId(), audit.authorId(), audit.action(), audit.createdAt(), FieldChange.of(audit));
        }
    }
}
