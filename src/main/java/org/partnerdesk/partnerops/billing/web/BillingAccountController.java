package org.partnerdesk.partnerops.billing.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.partnerops.BillingAccount;
import org.partnerdesk.partnerops.BillingAccounts;
import org.partnerdesk.partnerops.Transition;
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
    BillingAccountResponse request(Actor actor, @RequestBody JsonNode body) {
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
        return new BillingAccountResponse(BillingAccountJson.of(accounts.request(actor,
                new BillingAccounts.Request(organizationId, entityName, name, email, address))));
    }

    @PostMapping("/{id}/create")
    BillingAccountResponse create(Actor actor, @PathVariable long id) {
        return new BillingAccountResponse(BillingAccountJson.of(accounts.create(actor, id)));
    }

    @GetMapping("/{id}")
    BillingAccountResponse show(Actor actor, @PathVariable long id) {
        return new BillingAccountResponse(BillingAccountJson.of(accounts.find(actor, id)));
    }

    @GetMapping
    BillingAccountPage list(Actor actor, @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId,
                             @RequestParam(name = "available_for_quoting", required = false) @Nullable String quotable,
                             HttpServletRequest request) {
        if (quotable != null && !List.of("true", "false").contains(quotable)) {
            throw ApiException.invalid("available_for_quoting", "invalid_value", "must be true or false");
        }
        return accounts.page(actor, organizationId, "true".equals(quotable), PageRequest.from(request))
                .body(BillingAccountJson::of, request, BillingAccountPage::new);
    }

    @GetMapping("/{id}/audits")
    TransitionJson.AuditPage<BillingAccountAudit> audits(Actor actor, @PathVariable long id, HttpServletRequest request) {
        return accounts.audits(actor, id, PageRequest.from(request)).body(BillingAccountAudit::of, request, TransitionJson.AuditPage::new);
    }

    record BillingAccountJson(long id, long organizationId, @Nullable String entityName, ContactJson contact, String status,
                              boolean availableForQuoting, @Nullable Long ticketId, long requestedById, @Nullable Long createdById,
                              @Nullable Instant provisioningAt, @Nullable Instant activatesAt, @Nullable Instant activatedAt,
                              Instant createdAt, Instant updatedAt) {
        static BillingAccountJson of(BillingAccount account) {
            BillingAccount.Contact contact = account.contact();
            return new BillingAccountJson(account.id(), account.organizationId(), account.entityName(),
                    new ContactJson(contact.userId(), contact.name(), contact.email(), contact.address()), account.status().code(),
                    account.isAvailableForQuoting(), account.ticketId(), account.requestedBy(), account.createdBy(),
                    account.provisioningAt(), account.activatesAt(), account.activatedAt(), account.createdAt(), account.updatedAt());
        }
    }

    record ContactJson(long userId, String name, String email, String address) {
    }

    /** The root object of one billing account (PO-5). */
    record BillingAccountResponse(BillingAccountJson billingAccount) {
    }

    /** One cursor page of billing accounts (API-1). */
    record BillingAccountPage(List<BillingAccountJson> billingAccounts, CursorPage.Meta meta, CursorPage.Links links,
                              @Nullable String nextPage) {
    }

    /** PO-5's billing audits call the why a {@code note}. */
    record NotedStatusChange(String type, String fieldName, String value, @Nullable String previousValue, @Nullable String note) {
    }

    /** A step of a billing account (PO-5). */
    record BillingAccountAudit(long id, long billingAccountId, @Nullable Long authorId, Instant createdAt, List<NotedStatusChange> events) {
        static BillingAccountAudit of(Transition t) {
            return new BillingAccountAudit(t.id(), t.recordId(), t.actorId(), t.createdAt(),
                    List.of(new NotedStatusChange("Change", "status", t.toStatus(), t.fromStatus(), t.reason())));
        }
    }
}
