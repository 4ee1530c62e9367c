package org.partnerdesk.partnerops.billing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.partnerops.BillingAccount;
import org.partnerdesk.partnerops.BillingAccounts;
import org.partnerdesk.partnerops.access.web.TransitionJson;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/billing_accounts} (PO-5): ask for a billing account, create it (Billing Operations), list the quotable ones. */
@RestController
@RequestMapping("/api/v2/billing_accounts")
class BillingAccountController {

    private static final int NAME = 255;
    private static final int ADDRESS = 2_000;

    private final BillingAccounts accounts;

    BillingAccountController(BillingAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> request(Actor actor, @RequestBody JsonNode body) {
        accounts.requireMayRequest(actor);
        JsonBody request = JsonBody.root(body, "billing_account");
        Long organizationId = request.id("organization_id");
        String entityName = request.text("entity_name", NAME);
        JsonBody contact = request.object("contact");
        String name = contact.requiredText("name", NAME);
        String email = contact.requiredText("email", EmailAddress.MAX_LENGTH);
        String address = contact.requiredText("address", ADDRESS);
        if (email != null && !EmailAddress.isValid(email)) {
            request.problemWith("contact.email", "invalid_value", email + " is not an e-mail address");
        }
        request.throwIfInvalid();
        return Map.of("billing_account", json(accounts.request(actor,
                new BillingAccounts.Request(organizationId, entityName, name, email, address))));
    }

    @PostMapping("/{id}/create")
    Map<String, Object> create(Actor actor, @PathVariable long id) {
        return Map.of("billing_account", json(accounts.create(actor, id)));
    }

    @GetMapping("/{id}")
    Map<String, Object> show(Actor actor, @PathVariable long id) {
        return Map.of("billing_account", json(accounts.find(actor, id)));
    }

    @GetMapping
    Map<String, Object> list(Actor actor, @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId,
                             @RequestParam(name = "available_for_quoting", required = false) @Nullable String quotable,
                             HttpServletRequest request) {
        if (quotable != null && !List.of("true", "false").contains(quotable)) {
            throw ApiException.invalid("available_for_quoting", "invalid_value", "must be true or false");
        }
        return accounts.page(actor, organizationId, "true".equals(quotable), PageRequest.from(request))
                .body("billing_accounts", BillingAccountController::json, request);
    }

    @GetMapping("/{id}/audits")
    Map<String, Object> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return accounts.audits(actor, id, PageRequest.from(request)).body("audits", audit -> TransitionJson.json(audit, "note"), request);
    }

    static Map<String, Object> json(BillingAccount account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.id());
        json.put("organization_id", account.organizationId());
        json.put("entity_name", account.entityName());
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("user_id", account.contact().userId());
        contact.put("name", account.contact().name());
        contact.put("email", account.contact().email());
        contact.put("address", account.contact().address());
        json.put("contact", contact);
        json.put("status", account.status().code());
        json.put("available_for_quoting", account.isAvailableForQuoting());
        json.put("ticket_id", account.ticketId());
        json.put("requested_by_id", account.requestedBy());
        json.put("created_by_id", account.createdBy());
        json.put("provisioning_at", account.provisioningAt());
        json.put("activates_at", account.activatesAt());
        json.put("activated_at", account.activatedAt());
        json.put("created_at", account.createdAt());
        json.put("updated_at", account.updatedAt());
        return json;
    }
}
