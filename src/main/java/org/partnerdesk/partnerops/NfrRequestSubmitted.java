package org.partnerdesk.partnerops;

import java.util.List;

/**
 * PO-3: a partner's NFR request was decided; Licensing hears of an eligible one, the submitter of an ineligible one
 * with every missing requirement and how to meet it (through the outbox).
 */
public record NfrRequestSubmitted(long requestId, long submitterId, String partnerName, boolean eligible, String plan, int users,
                                  String deployment, List<NfrEligibility.Requirement> missing) {
    public NfrRequestSubmitted {
        missing = List.copyOf(missing);
    }
}
