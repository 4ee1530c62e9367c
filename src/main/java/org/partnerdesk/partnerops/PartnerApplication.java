package org.partnerdesk.partnerops;

import java.time.Instant;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.ApiException;

/**
 * PO-1 a company's application to become a partner: through the click-through sign-up, or made by hand by Partner
 * Operations with a recorded reason ({@code channel} {@code manual}).
 */
public record PartnerApplication(long id, String company, @Nullable String parentCompany, String contactName, String contactEmail,
                                 boolean authorizedSignatory, String agreement, @Nullable String questions, String channel,
                                 @Nullable String manualReason, String status, @Nullable Long organizationId,
                                 @Nullable Long userId, @Nullable Long ticketId, @Nullable Long decidedBy,
                                 @Nullable String decisionReason, Instant createdAt, Instant updatedAt) {

    /** #10 items 1, 2: made without the contact's sign-in; waits for the owner of the contact's address to confirm it. */
    public static final String UNCONFIRMED = "unconfirmed";
    public static final String APPROVED = "approved";
    public static final String IN_REVIEW = "in_review";
    public static final String DECLINED = "declined";
    public static final String ACCEPT = "accept";
    public static final String QUESTIONS = "questions";
    public static final String SIGN_UP = "sign_up";
    public static final String MANUAL = "manual";

    /** PO-1 [003]: only an authorized signatory who accepts the click-through agreement becomes a partner at once. */
    boolean qualifiesAtOnce() {
        return authorizedSignatory && ACCEPT.equals(agreement);
    }

    /** PO-1: only an application in review is approved or declined; a second decision is refused, naming the first. */
    public PartnerApplication requireInReview() {
        if (!IN_REVIEW.equals(status)) {
            String why = "partner application " + id + " is already " + status + "; only an application in review is approved or declined (PO-1).";
            throw new ApiException(422, "RecordInvalid", why, Map.of("status", List.of(new ApiException.FieldError(why, "PO-1"))));
        }
        return this;
    }
}
