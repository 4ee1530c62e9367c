package org.partnerdesk.partnerops.access.web;

import java.util.LinkedHashMap;
import java.util.Map;

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
    Map<String, Object> confirm(@RequestBody(required = false) JsonNode body) {
        JsonBody confirmation = JsonBody.root(body, "email_confirmation");
        String token = confirmation.requiredText("token", 200);
        confirmation.throwIfInvalid();
        AddressConfirmations.Confirmed confirmed = confirmations.confirm(token);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(confirmed.recordType() + "_id", confirmed.recordId());
        json.put("status", confirmed.status());
        return Map.of("email_confirmation", json);
    }
}
