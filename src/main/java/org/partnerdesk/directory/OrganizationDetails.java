package org.partnerdesk.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an organization is made of when it is created or changed (DIR-1). */
public record OrganizationDetails(String name, @Nullable String externalId, OrganizationType type, @Nullable PartnerTrack track,
                     boolean trackCompliant, @Nullable String parentCompany, @Nullable String notes,
                     List<String> domainNames, boolean sharesTickets, @Nullable String specialProcess,
                     @Nullable String chatWebhookUrl) {
    public static OrganizationDetails of(Organization o) {
        return new OrganizationDetails(o.name(), o.externalId(), o.type(), o.track(), o.trackCompliant(), o.parentCompany(),
                o.notes(), o.domainNames(), o.sharesTickets(), o.specialProcess(), o.chatWebhookUrl());
    }
}
