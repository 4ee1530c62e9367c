package org.partnerdesk.entitlement;

/** The SPEC section 2 rules (and PO-7, which decides who may file licensing changes for a customer), so that a decision and its trace can name the rule that produced them. */
public enum Rule {
    ENT_1,
    ENT_2,
    ENT_3,
    ENT_4,
    ENT_5,
    ENT_6,
    ENT_7,
    /** Correction: not decided here; an edit re-runs {@link EntitlementPolicy#decide}. */
    ENT_8,
    ENT_9,
    ENT_10,
    /** Post-sales changes (license resend, e-mail change) asked by the partner named on the customer's subscription. */
    PO_7;

    /** The id as SPEC.md, commit messages and the API write it: {@code ENT-3}. */
    public String id() {
        return name().replace('_', '-');
    }
}
