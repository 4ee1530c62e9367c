package org.partnerdesk.partnerops;

import java.time.Instant;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;

/**
 * PO-1 a company's application to become a partner: through the click-through sign-up, or made by hand by Partner
 * Operations with a recorded reason ({@code channel} {@code manual}).
 */
public record PartnerApplication(long id, String company, @Nullable String parentCompany, String contactName, String contactEmail,
                                 boolean authorizedSignatory, Agreement agreement, @Nullable String questions, Channel channel,
                                 @Nullable String manualReason, Status status, @Nullable Long organizationId,
                                 @Nullable Long userId, @Nullable Long ticketId, @Nullable Long decidedBy,
                                 @Nullable String decisionReason, Instant createdAt, Instant updatedAt) {

    public enum Status {
        /** #10 items 1, 2: made without the contact's sign-in; waits for the owner of the contact's address to confirm it. */
        UNCONFIRMED, IN_REVIEW, APPROVED, DECLINED;

        @JsonValue // NTF-1: the outbox stores events as JSON; the code keeps their payloads as they were with strings
        public String code() {
            return name().toLowerCase();
        }

        @JsonCreator
        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase());
        }

        /** A list filter: no code lists every status, a code no application can have lists none. */
        public static Set<Status> matching(@Nullable String code) {
            return StatusCodes.matching(Status.class, code);
        }
    }

    /** PO-1 [003]: what the applicant said of the click-through agreement. */
    public enum Agreement {
        /** An authorized signatory accepts it as it stands. */
        ACCEPT,
        /** Not a signatory, questions, or a redline: Partner Operations review it. */
        QUESTIONS;

        public String code() {
            return name().toLowerCase();
        }

        public static Agreement fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    /** PO-1 [003]: how the application came in; {@code manual} ones carry Partner Operations' reason. */
    public enum Channel {
        SIGN_UP, MANUAL;

        public String code() {
            return name().toLowerCase();
        }

        public static Channel fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    /** PO-1 [003]: only an authorized signatory who accepts the click-through agreement becomes a partner at once. */
    boolean qualifiesAtOnce() {
        return authorizedSignatory && agreement == Agreement.ACCEPT;
    }

    /** PO-1: only an application in review is approved or declined; a second decision is refused, naming the first. */
    public PartnerApplication requireInReview() {
        if (status != Status.IN_REVIEW) {
            String why = "partner application " + id + " is already " + status.code() + "; only an application in review is approved or declined (PO-1).";
            throw new ApiException(422, "RecordInvalid", why, Map.of("status", List.of(new ApiException.FieldError(why, "PO-1"))));
        }
        return this;
    }
}
