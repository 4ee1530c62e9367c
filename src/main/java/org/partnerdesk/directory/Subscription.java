package org.partnerdesk.directory;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** DIR-5 a subscription of an organization, perhaps bought through the partner named on the opportunity. */
public record Subscription(long id, long organizationId, Plan plan, int seats, Term term,
                           @Nullable Long purchasedThroughOrganizationId, Instant createdAt, Instant updatedAt) {

    // DIR-5: the plan decides the support level only while the subscription runs; expired or future gives none
    public SupportLevel supportLevelOn(LocalDate day) {
        return term.isActiveOn(day) ? plan.supportLevel() : SupportLevel.NONE;
    }

    public Term.Status statusOn(LocalDate day) {
        return term.statusOn(day);
    }
}
