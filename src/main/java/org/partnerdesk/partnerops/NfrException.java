package org.partnerdesk.partnerops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * PO-4 [003]: a channel manager's request for more NFR users (or other use) than the policy gives, on a partner's
 * standard request. It needs the approval of a Programs Director and of the requester's Channel Director; either
 * may decline, which ends it; once both approve, Partner Operations fulfil it.
 */
public record NfrException(long id, long nfrRequestId, long organizationId, long requestedBy, long channelDirectorId, int users,
                           String businessJustification, Status status, List<Decision> decisions, @Nullable Long nfrLicenseId,
                           @Nullable Long fulfilledBy, Instant createdAt, Instant updatedAt) {

    public NfrException {
        decisions = List.copyOf(decisions);
    }

    public enum Status {
        PENDING, APPROVED, DECLINED, FULFILLED;

        @JsonValue // NTF-1: the outbox stores events as JSON; the code keeps their payloads as they were with strings
        public String code() {
            return name().toLowerCase();
        }

        @JsonCreator
        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    /** The two approvals PO-4 asks for. */
    public enum Capacity {
        PROGRAMS_DIRECTOR, CHANNEL_DIRECTOR;

        @JsonValue // NTF-1: the outbox stores events as JSON; the code keeps their payloads as they were with strings
        public String code() {
            return name().toLowerCase();
        }

        public String title() {
            return this == PROGRAMS_DIRECTOR ? "Programs Director" : "Channel Director";
        }

        @JsonCreator
        public static Capacity fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    public enum Verdict {
        APPROVE, DECLINE;

        @JsonValue // NTF-1: the outbox stores events as JSON; the code keeps their payloads as they were with strings
        public String code() {
            return name().toLowerCase();
        }

        @JsonCreator
        public static Verdict fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    /**
     * PO-4: what the partner learns of an exception a Channel Manager raised on its request: where it stands and for how
     * many users, never the justification or who decides.
     */
    public record Standing(long nfrRequestId, Status status, int users, int approvals) {
    }

    /** One director's decision, in one capacity. */
    public record Decision(long decidedBy, Capacity capacity, Verdict verdict, @Nullable String comment, Instant decidedAt) {
    }

    public static NfrException requested(long nfrRequestId, long organizationId, long requestedBy, long channelDirectorId, int users,
                                         String justification, Instant at) {
        return new NfrException(0, nfrRequestId, organizationId, requestedBy, channelDirectorId, users, justification, Status.PENDING,
                List.of(), null, null, at, at);
    }

    public Optional<Decision> decisionIn(Capacity capacity) {
        return decisions.stream().filter(d -> d.capacity() == capacity).findFirst();
    }

    public Optional<Decision> decisionBy(long userId) {
        return decisions.stream().filter(d -> d.decidedBy() == userId).findFirst();
    }

    /**
     * PO-4: a director decides once, in a capacity not yet filled, while the exception is pending; a decline ends it,
     * the second approval approves it. Who may hold which capacity is checked by the caller.
     */
    public NfrException decide(Decision decision) {
        decisionBy(decision.decidedBy()).ifPresent(earlier -> {
            throw new NfrRefusal("PO-4", "decision", "you already decided on NFR exception " + id + " (" + earlier.verdict().code()
                    + " as " + earlier.capacity().title() + "); the other approval must come from someone else");
        });
        if (status != Status.PENDING) {
            throw new NfrRefusal("PO-4", "decision", "NFR exception " + id + " is " + status.code() + "; it takes no more decisions");
        }
        decisionIn(decision.capacity()).ifPresent(earlier -> {
            throw new NfrRefusal("PO-4", "decision", "a " + decision.capacity().title() + " (user " + earlier.decidedBy()
                    + ") already decided on NFR exception " + id);
        });
        List<Decision> all = new java.util.ArrayList<>(decisions);
        all.add(decision);
        Status next = decision.verdict() == Verdict.DECLINE ? Status.DECLINED
                : all.stream().filter(d -> d.verdict() == Verdict.APPROVE).count() == Capacity.values().length ? Status.APPROVED
                : Status.PENDING;
        return new NfrException(id, nfrRequestId, organizationId, requestedBy, channelDirectorId, users, businessJustification, next,
                all, nfrLicenseId, fulfilledBy, createdAt, decision.decidedAt());
    }

    /** PO-4: Partner Operations fulfil an exception once, after both approvals. */
    public NfrException fulfil(long licenseId, long by, Instant at) {
        checkFulfillable();
        return new NfrException(id, nfrRequestId, organizationId, requestedBy, channelDirectorId, users, businessJustification,
                Status.FULFILLED, decisions, licenseId, by, createdAt, at);
    }

    /** PO-4: refuses an exception that is not approved by both directors, or was fulfilled already. */
    public void checkFulfillable() {
        if (status != Status.APPROVED) {
            throw new NfrRefusal("PO-4", "status", "NFR exception " + id + " is " + status.code()
                    + ": it is fulfilled only once both a Programs Director and the Channel Director approved it");
        }
    }

    public boolean isApproved() {
        return status == Status.APPROVED;
    }
}
