package org.partnerdesk.partnerops.routing;

import java.util.Arrays;
import java.util.Optional;

import org.partnerdesk.directory.Groups;

/** PO-6 [003]: what a partner asks Partner Operations for (the form's {@code Request type}), and the team that owns it. */
enum RequestType {
    DISTRIBUTOR_QUOTE(Groups.PARTNER_OPERATIONS),
    // quoting for reseller-direct deals is the field sales team's
    RESELLER_DIRECT_QUOTE(Groups.SALES),
    PARTNER_ACCOUNT_CREATION(Groups.PARTNER_OPERATIONS),
    OPPORTUNITY_RECORD(Groups.PARTNER_OPERATIONS),
    // pre-sales technical help is the solution architects' and sales' work, post-sales help is Support's
    PRE_SALES_TECHNICAL(Groups.SALES),
    POST_SALES_TECHNICAL(Groups.SUPPORT),
    BILLING_ACCOUNT(Groups.BILLING_OPERATIONS),
    NFR(Groups.PARTNER_OPERATIONS),
    // out of scope: answered with the self-service material, and owned by Partner Operations should the partner reply
    TRAINING_ONE_ON_ONE(Groups.PARTNER_OPERATIONS),
    OTHER(Groups.PARTNER_OPERATIONS);

    private final String owner;

    RequestType(String owner) {
        this.owner = owner;
    }

    String owner() {
        return owner;
    }

    String code() {
        return name().toLowerCase();
    }

    static Optional<RequestType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }
}
