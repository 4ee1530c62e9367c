package org.partnerdesk.entitlement;

/** The ticket form a ticket was submitted on; the three partner forms carry the partner fields. */
public enum Form {
    SUPPORT("Support"),
    OPEN_PARTNER("Open Partner"),
    SELECT_PARTNER("Select Partner"),
    ALLIANCE_PARTNER("Alliance Partner"),
    LICENSING_RENEWALS("Licensing & Renewals"),
    PARTNER_OPERATIONS("Partner Operations"),
    /** The "Other" form, and any form the desk does not know. */
    OTHER("Other");

    private final String title;

    Form(String title) {
        this.title = title;
    }

    /** The form's name as agents and partners see it. */
    public String title() {
        return title;
    }
}
