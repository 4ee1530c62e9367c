package org.partnerdesk.partnerops.ui;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.NfrException;

/** PO-4: one of an exception's two approvals as the page shows it: whose it is and what they decided, in words. */
record Approval(String capacity, String whose, boolean decided, String state, @Nullable String decidedBy, @Nullable Instant decidedAt,
                @Nullable String comment) {

    static Approval of(NfrException exception, NfrException.Capacity capacity, Map<Long, String> names) {
        String whose = capacity == NfrException.Capacity.CHANNEL_DIRECTOR
                ? names.getOrDefault(exception.channelDirectorId(), "user " + exception.channelDirectorId()) + ", the requester's Channel Director"
                : "any Programs Director";
        return exception.decisionIn(capacity)
                .map(d -> new Approval(capacity.title(), whose, true, d.verdict() == NfrException.Verdict.APPROVE ? "Approved" : "Declined",
                        names.getOrDefault(d.decidedBy(), "user " + d.decidedBy()), d.decidedAt(), d.comment()))
                .orElseGet(() -> new Approval(capacity.title(), whose, false,
                        exception.status() == NfrException.Status.PENDING ? "Awaiting decision" : "Not decided", null, null, null));
    }

    /** The short form a list row shows: "Approved by Pete Programs", "Awaiting decision". */
    public String summary() {
        return decidedBy == null ? state : state + " by " + decidedBy;
    }
}
