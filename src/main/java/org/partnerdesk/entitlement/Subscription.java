package org.partnerdesk.entitlement;

import java.time.LocalDate;
import java.util.Objects;

/** DIR-5: a plan an organization bought, valid from {@code startsOn} to {@code endsOn}, both days included. */
public record Subscription(long id, Plan plan, LocalDate startsOn, LocalDate endsOn) {

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
}
