package org.partnerdesk.entitlement;

/**
 * A ticket the rules do not let this submitter file at all (PO-7: licensing changes for a customer from a partner
 * not named on its subscription): the caller answers it as a refusal, and nothing is stored.
 */
public final class EntitlementRefusal extends RuntimeException {

    private final Rule rule;

    public EntitlementRefusal(Rule rule, String why) {
        super(why);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
