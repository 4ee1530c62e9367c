package org.partnerdesk.entitlement;

/** DIR-1: the partner program track of a partner organization. */
public enum PartnerTrack {
    OPEN("Open"),
    SELECT("Select"),
    ALLIANCE("Alliance"),
    DISTRIBUTOR("Distributor");

    private final String title;

    PartnerTrack(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
