package org.partnerdesk.entitlement;

import java.time.LocalDate;
import java.util.Objects;

/** DIR-6: a not-for-resale license of a partner, for internal training, testing and demos only. */
public record NfrLicense(long id, Plan plan, int users, LocalDate startsOn, LocalDate endsOn) {

    public NfrLicense {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
    }

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
