package org.partnerdesk.directory;

/** DIR-5: what a plan entitles an organization to while its dates hold (DOMAIN-FACTS: plans and support levels). */
public enum SupportLevel {
    PRIORITY, STANDARD, NONE;

    public String code() {
        return name().toLowerCase();
    }
}
