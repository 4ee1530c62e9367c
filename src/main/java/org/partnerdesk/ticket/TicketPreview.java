package org.partnerdesk.ticket;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.sla.ReplyTarget;

/**
 * SPEC 2 dry run (issue #15): the decision a new ticket would get, with its trace, for the person about to file it;
 * nothing is stored. Names the requester and organizations the decision picked, the first-reply target (TKT-4), what
 * the submitter can still add or fix, and a hint for a mistyped customer domain.
 *
 * @param requesterEmail              who the requester would be (the customer contact on ENT-1/ENT-2)
 * @param organizationName            the ticket's organization, null without one (needs_org)
 * @param servedUnderOrganizationName whose subscription, NFR license or programme serves it, null when nothing does
 * @param firstReply                  the first-reply target, null when the support level has no SLA
 * @param missing                     one entry per flag: what is missing, in the decision's words
 * @param didYouMean                  a known customer domain close to a mistyped one (ENT-7 never guesses it: only a hint)
 * @param advice                      a better form for what the person described, with its rule
 */
public record TicketPreview(Entitlement entitlement, String requesterEmail, @Nullable String organizationName,
                            @Nullable String servedUnderOrganizationName, @Nullable ReplyTarget firstReply, List<Missing> missing,
                            @Nullable DomainHint didYouMean, List<String> advice) {

    public TicketPreview {
        missing = List.copyOf(missing);
        advice = List.copyOf(advice);
    }

    /** A flag of the decision and what would lift it. */
    public record Missing(String flag, String description) {
    }

    /** {@code typed} (a domain no customer holds) and the known customer domain a few edits away, with the e-mail it suggests. */
    public record DomainHint(String typed, String suggested, String email) {
    }
}
