package org.partnerdesk.partnerops.access;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.partnerops.PortalAccess;

/**
 * PO-2: the portal access request's fields and their rules, read alike from the API's JSON and the portal's form.
 * Problems collect in the {@link JsonBody}; {@link #ask()} once it has none.
 */
public record AccessRequestForm(@Nullable Long organizationId, @Nullable String name, @Nullable String email) {

    public static AccessRequestForm read(JsonBody request) {
        Long organizationId = request.requiredId("organization_id");
        String name = request.requiredText("name", 255);
        String email = request.requiredEmail("email");
        return new AccessRequestForm(organizationId, name, email);
    }

    /** The request as sent; only once the body it was read from has no problems. */
    public PortalAccess.Ask ask() {
        if (organizationId == null || name == null || email == null) {
            throw new IllegalStateException("read with problems: call JsonBody.throwIfInvalid first");
        }
        return new PortalAccess.Ask(organizationId, name, email);
    }
}
