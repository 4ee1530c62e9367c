package org.partnerdesk.directory;

import org.jspecify.annotations.Nullable;

/** What a subscription is made of when it is created or changed (DIR-5). */
public record SubscriptionTerms(long organizationId, Plan plan, int seats, Term term, @Nullable Long purchasedThroughOrganizationId) {
    public static SubscriptionTerms of(Subscription s) {
        return new SubscriptionTerms(s.organizationId(), s.plan(), s.seats(), s.term(), s.purchasedThroughOrganizationId());
    }
}
