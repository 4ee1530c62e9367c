package org.partnerdesk.partnerops;

import java.time.Instant;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;

/** PO-2 a new person at an existing partner asking for a portal sign-in; {@code requestedBy} is null when not signed in. */
public record PortalAccessRequest(long id, long organizationId, String name, String email, @Nullable Long requestedBy,
                                  Status status, @Nullable Long userId, @Nullable Long decidedBy,
                                  @Nullable String decisionReason, Instant createdAt, Instant updatedAt) {

    public enum Status {
        /** #10 items 1, 2: asked without a sign-in; waits for the owner of the e-mail address to confirm it. */
        UNCONFIRMED, PENDING, APPROVED, DECLINED;

        @JsonValue // NTF-1: the outbox stores events as JSON; the code keeps their payloads as they were with strings
        public String code() {
            return name().toLowerCase();
        }

        @JsonCreator
        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase());
        }

        /** A list filter: no code lists every status, a code no request can have lists none. */
        public static Set<Status> matching(@Nullable String code) {
            return StatusCodes.matching(Status.class, code);
        }
    }

    /** PO-2: only a pending request is approved or declined; a second decision is refused, naming the first. */
    public PortalAccessRequest requirePending() {
        if (status != Status.PENDING) {
            String why = "portal access request " + id + " is already " + status.code() + "; only a pending request is decided (PO-2).";
            throw new ApiException(422, "RecordInvalid", why, Map.of("status", List.of(new ApiException.FieldError(why, "PO-2"))));
        }
        return this;
    }
}
