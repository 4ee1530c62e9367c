package org.partnerdesk.entitlement;

import java.util.Locale;

/** The situation a ticket was raised in, as the seed pages tell them apart. */
public enum Scenario {
    OPEN_PARTNER_ON_BEHALF_OF_CUSTOMER,
    OPEN_PARTNER_SERVICES_ENGAGEMENT,
    SELECT_PARTNER_GO_BETWEEN,
    PARTNER_COMMERCIAL_WORK,
    PARTNER_INTERNAL_TRAINING,
    ALLIANCE_PARTNER_HANDOVER,
    CUSTOMER_CONTACT_NOT_FOUND,
    UNCLEAR,
    CUSTOMER,
    PARTNER_POST_SALES_CHANGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
