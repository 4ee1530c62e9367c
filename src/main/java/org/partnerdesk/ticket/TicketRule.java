package org.partnerdesk.ticket;

/** The SPEC section 3 rules a change to a ticket can break, by their ids, for refusals and audit reasons. */
public enum TicketRule {
    TKT_1, TKT_2, TKT_3;

    /** The id as SPEC.md, commit messages and the API write it: {@code TKT-1}. */
    public String id() {
        return name().replace('_', '-');
    }
}
