package org.partnerdesk.entitlement;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * DIR-5: a plan an organization bought, valid from {@code startsOn} to {@code endsOn}, both days included, perhaps
 * through the partner named on the opportunity (PO-7).
 */
public record Subscription(long id, Plan plan, LocalDate startsOn, LocalDate endsOn, @Nullable Long purchasedThroughOrganizationId) {

    /** A subscription bought directly, not through a partner. */
    public Subscription(long id, Plan plan, LocalDate startsOn, LocalDate endsOn) {
        this(id, plan, startsOn, endsOn, null);
    }

    public Subscription {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
    }

    /** Expired and not-yet-started subscriptions do not count (DIR-5). */
    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public SupportLevel supportLevel() {
        return plan.supportLevel();
    }

    /** PO-7: the partner named on the opportunity is the one that asks for changes to it. */
    public boolean wasBoughtThrough(long partnerOrganizationId) {
        return purchasedThroughOrganizationId != null && purchasedThroughOrganizationId == partnerOrganizationId;
    }
}
