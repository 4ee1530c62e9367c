package org.partnerdesk.partnerops;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * PO-1 a company's application to become a partner: through the click-through sign-up, or made by hand by Partner
 * Operations with a recorded reason ({@code channel} {@code manual}).
 */
public record PartnerApplication(long id, String company, @Nullable String parentCompany, String contactName, String contactEmail,
                                 boolean authorizedSignatory, String agreement, @Nullable String questions, String channel,
                                 @Nullable String manualReason, String status, @Nullable Long organizationId,
                                 @Nullable Long userId, @Nullable Long ticketId, @Nullable Long decidedBy,
                                 @Nullable String decisionReason, Instant createdAt, Instant updatedAt) {

    public static final String APPROVED = "approved";
    public static final String IN_REVIEW = "in_review";
    public static final String DECLINED = "declined";
    public static final String ACCEPT = "accept";
    public static final String QUESTIONS = "questions";
    public static final String SIGN_UP = "sign_up";
    public static final String MANUAL = "manual";

    public boolean isInReview() {
        return IN_REVIEW.equals(status);
    }
}
