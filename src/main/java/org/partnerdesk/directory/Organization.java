package org.partnerdesk.directory;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** DIR-1 an organization as the directory holds it. */
public record Organization(long id, String name, @Nullable String externalId, OrganizationType type,
                           @Nullable PartnerTrack track, boolean trackCompliant, @Nullable String parentCompany,
                           @Nullable String notes, List<String> domainNames, boolean sharesTickets,
                           @Nullable String specialProcess, @Nullable String chatWebhookUrl,
                           Instant createdAt, Instant updatedAt) {

    public Organization {
        domainNames = List.copyOf(domainNames);
    }

    public boolean isPartner() {
        return type == OrganizationType.PARTNER;
    }

    public boolean isCustomer() {
        return type == OrganizationType.CUSTOMER;
    }

    /** DIR-4: alliance organizations are locked to support managers. */
    public boolean isAlliance() {
        return isPartner() && track == PartnerTrack.ALLIANCE;
    }

    public String describe() {
        return isPartner() ? "partner " + name : type.code() + " " + name;
    }
}
