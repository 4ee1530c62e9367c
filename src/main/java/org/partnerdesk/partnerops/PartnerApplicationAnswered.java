package org.partnerdesk.partnerops;

/** PO-1: the applicant is told where the application stands (received for review, approved without a sign-in, declined and why). */
public record PartnerApplicationAnswered(long applicationId, String email, String name, String company, PartnerApplication.Status status,
                                         String message) {
}
