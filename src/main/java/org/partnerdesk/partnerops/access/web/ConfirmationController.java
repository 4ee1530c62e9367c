package org.partnerdesk.partnerops.access.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.partnerops.AddressConfirmations;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v2/email_confirmations/confirm} (#10 items 1, 2): the token mailed to an address lets a sign-up or
 * portal access request made in its name go on, once. A POST, not the link itself, so a mail scanner that follows links
 * confirms nothing.
 */
@RestController
class ConfirmationController {

    private final AddressConfirmations confirmations;

    ConfirmationController(AddressConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @PostMapping("/api/v2/email_confirmations/confirm")
    EmailConfirmationResponse confirm(@RequestBody(required = false) JsonNode body) {
        JsonBody confirmation = JsonBody.root(body, "email_confirmation");
        String token = confirmation.requiredText("token", 200);
        confirmation.throwIfInvalid();
        return new EmailConfirmationResponse(EmailConfirmationJson.of(confirmations.confirm(token)));
    }

    /** The root object of a confirmed address (PO-1, PO-2). */
    record EmailConfirmationResponse(EmailConfirmationJson emailConfirmation) {
    }

    /** The confirmed record's id under its own name (only one of the two is written) and where it stands now. */
    record EmailConfirmationJson(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long partnerApplicationId,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long portalAccessRequestId, String status) {
        static EmailConfirmationJson of(AddressConfirmations.Confirmed confirmed) {
            return switch (confirmed) {
                case AddressConfirmations.Confirmed.Application a -> new EmailConfirmationJson(a.applicationId(), null, a.status().code());
                case AddressConfirmations.Confirmed.AccessRequest r -> new EmailConfirmationJson(null, r.requestId(), r.status().code());
            };
        }
    }
}
