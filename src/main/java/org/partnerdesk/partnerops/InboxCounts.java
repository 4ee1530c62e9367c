package org.partnerdesk.partnerops;

/**
 * UI-1 operations console: how much waits in each partner-operations inbox: applications in review (PO-1), portal
 * access requests (PO-2), NFR requests awaiting fulfilment (PO-3), exceptions awaiting this person's decision and
 * approved ones to fulfil (PO-4), billing accounts to create (PO-5).
 */
public record InboxCounts(long applicationsInReview, long accessRequestsPending, long nfrRequestsAwaitingFulfilment,
                          long exceptionsAwaitingMyDecision, long exceptionsToFulfil, long billingAccountsToCreate) {
}
