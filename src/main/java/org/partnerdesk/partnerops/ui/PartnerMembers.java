package org.partnerdesk.partnerops.ui;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.springframework.stereotype.Component;

/**
 * #15: the portal's partner pages (NFR licenses, certifications, users) are for users of a partner organization, as the
 * API's NFR request is (PO-3); anyone else gets the 403 page the API's refusal would be.
 */
@Component
class PartnerMembers {

    private final Organizations organizations;

    PartnerMembers(Organizations organizations) {
        this.organizations = organizations;
    }

    Organization partnerOf(Actor actor) {
        Organization organization = actor.isStaff() || actor.organizationId() == null ? null
                : organizations.find(actor.organizationId()).orElse(null);
        if (organization == null || !organization.isPartner()) {
            throw ApiException.forbidden("These pages are for users of a partner organization: its NFR licenses, certifications"
                    + " and users. Your requests are under My requests.");
        }
        return organization;
    }
}
