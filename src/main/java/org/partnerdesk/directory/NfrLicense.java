package org.partnerdesk.directory;

import java.time.Instant;
import java.time.LocalDate;

/** DIR-6 a partner's not-for-resale license: for internal training, testing and demos only. */
public record NfrLicense(long id, long organizationId, Plan plan, int users, Term term, Instant createdAt) {

    public Term.Status statusOn(LocalDate day) {
        return term.statusOn(day);
    }
}
