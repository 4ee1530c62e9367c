package org.partnerdesk.partnerops.access.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.partnerops.Transition;

/** A workflow step in the shape of a ticket audit: one {@code Change} of {@code status}, with its reason. */
public final class TransitionJson {

    private TransitionJson() {
    }

    /** The one event of a step. */
    public record StatusChange(String type, String fieldName, String value, @Nullable String previousValue, @Nullable String reason) {
        public static List<StatusChange> of(Transition t) {
            return List.of(new StatusChange("Change", "status", t.toStatus(), t.fromStatus(), t.reason()));
        }
    }

    /** A step of a partner application (PO-1). */
    public record PartnerApplicationAudit(long id, long partnerApplicationId, @Nullable Long authorId, Instant createdAt,
                                          List<StatusChange> events) {
        public static PartnerApplicationAudit of(Transition t) {
            return new PartnerApplicationAudit(t.id(), t.recordId(), t.actorId(), t.createdAt(), StatusChange.of(t));
        }
    }

    /** A step of a portal access request (PO-2). */
    public record PortalAccessRequestAudit(long id, long portalAccessRequestId, @Nullable Long authorId, Instant createdAt,
                                           List<StatusChange> events) {
        static PortalAccessRequestAudit of(Transition t) {
            return new PortalAccessRequestAudit(t.id(), t.recordId(), t.actorId(), t.createdAt(), StatusChange.of(t));
        }
    }

    /** One cursor page of a record's audits, a partner workflow's or an NFR one's (API-1). */
    public record AuditPage<A>(List<A> audits, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
