package org.partnerdesk.partnerops.ui;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The "Reason" a decision carries: kept as typed, refused in words when a decline has none or it is too long. */
record Reason(String text) {

    /** As the API's decision bodies take it (DecisionBody). */
    static final int MAX = 4_000;

    static Reason of(@Nullable String typed) {
        return new Reason(typed == null ? "" : typed);
    }

    /** Empty when none was given: an approval may go without one. */
    Optional<String> given() {
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** Why a decline cannot go with this reason, or empty when it can (PO-1, PO-2: the person reads it by mail). */
    Optional<String> problemForDecline(String reader) {
        if (text.isBlank()) {
            return Optional.of("Write the reason for declining: " + reader + " reads it.");
        }
        return problemForApproval();
    }

    Optional<String> problemForApproval() {
        return text.strip().length() > MAX ? Optional.of("Keep the reason under " + MAX + " characters.") : Optional.empty();
    }
}
