package org.partnerdesk.directory;

import java.time.LocalDate;

/** The dates a subscription (DIR-5) or an NFR license (DIR-6) holds, both days included. */
public record Term(LocalDate startsOn, LocalDate endsOn) {

    public enum Status {
        FUTURE, ACTIVE, EXPIRED;

        public String code() {
            return name().toLowerCase();
        }
    }

    public boolean endsBeforeItStarts() {
        return endsOn.isBefore(startsOn);
    }

    public Status statusOn(LocalDate day) {
        if (day.isBefore(startsOn)) {
            return Status.FUTURE;
        }
        return day.isAfter(endsOn) ? Status.EXPIRED : Status.ACTIVE;
    }

    public boolean isActiveOn(LocalDate day) {
        return statusOn(day) == Status.ACTIVE;
    }
}
