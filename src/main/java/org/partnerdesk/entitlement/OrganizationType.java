package org.partnerdesk.entitlement;

/** DIR-1: what kind of organization a user belongs to. */
public enum OrganizationType {
    CUSTOMER,
    PARTNER,
    INTERNAL
}
