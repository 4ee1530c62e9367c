package org.partnerdesk.entitlement;

import java.util.Locale;

/** Something about the decision an agent must look at; shown in views and searchable ({@code flag:needs_org}). */
public enum Flag {
    /** ENT-7, ENT-10: no organization, so no SLA, until someone fixes the requester or the directory. */
    NEEDS_ORG,
    /** ENT-1, ENT-4, ENT-5, ENT-10: nothing active and paid to serve the ticket under. */
    NO_ENTITLEMENT,
    /** ENT-9 (and ENT-6 without its naming fields): the submitter has been asked a question. */
    CLARIFY,
    /** ENT-6: the alliance partner did not put the customer on the CCs at creation. */
    CUSTOMER_CC_MISSING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
