package org.partnerdesk.directory.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Plan;
import org.partnerdesk.directory.Subscription;
import org.partnerdesk.directory.Subscriptions;
import org.partnerdesk.directory.Term;
import org.partnerdesk.directory.SubscriptionTerms;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/subscriptions} (SPEC 7, DIR-5), with the support level and status as of today. A subscription
 * stays with its organization: {@code organization_id} in a PUT is read only and ignored.
 */
@RestController
@RequestMapping("/api/v2/subscriptions")
class SubscriptionController {

    static final int MAX_SEATS = 1_000_000;

    private final Subscriptions subscriptions;
    private final Clock clock;

    SubscriptionController(Subscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionResponse create(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        return wrap(subscriptions.create(actor, read(JsonBody.root(body, "subscription"), null)));
    }

    @PutMapping("/{id}")
    SubscriptionResponse update(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        Subscription existing = subscriptions.find(actor, id);
        actor.requireAdmin();
        return wrap(subscriptions.update(actor, id, read(JsonBody.root(body, "subscription"), existing)));
    }

    @GetMapping("/{id}")
    SubscriptionResponse show(Actor actor, @PathVariable long id) {
        return wrap(subscriptions.find(actor, id));
    }

    @GetMapping
    SubscriptionPage list(Actor actor, HttpServletRequest request,
                             @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId) {
        LocalDate today = LocalDate.now(clock);
        return subscriptions.page(actor, PageRequest.from(request), organizationId)
                .body(s -> SubscriptionJson.of(s, today), request, SubscriptionPage::new);
    }

    private SubscriptionResponse wrap(Subscription subscription) {
        return new SubscriptionResponse(SubscriptionJson.of(subscription, LocalDate.now(clock)));
    }

    /** Reads a create (no {@code existing}) or a PUT, where absent fields keep their values. */
    private static SubscriptionTerms read(JsonBody body, @Nullable Subscription existing) {
        Long organizationId = existing == null ? body.requiredId("organization_id") : Long.valueOf(existing.organizationId());
        String plan = existing == null || body.has("plan") ? body.requiredOneOf("plan", Plan.CODES) : existing.plan().code();
        Integer seats = existing == null || body.has("seats") ? body.requiredCount("seats", MAX_SEATS)
                : Integer.valueOf(existing.seats());
        LocalDate startsOn = existing == null || body.has("starts_on") ? body.requiredDate("starts_on")
                : existing.term().startsOn();
        LocalDate endsOn = existing == null || body.has("ends_on") ? body.requiredDate("ends_on")
                : existing.term().endsOn();
        Long purchasedThrough = existing == null || body.has("purchased_through_organization_id")
                ? body.id("purchased_through_organization_id") : existing.purchasedThroughOrganizationId();
        body.throwIfInvalid();
        return new SubscriptionTerms(organizationId, Plan.fromCode(plan).orElseThrow(), seats, new Term(startsOn, endsOn), purchasedThrough);
    }

    record SubscriptionJson(long id, String url, long organizationId, String plan, int seats, LocalDate startsOn,
                            LocalDate endsOn, @Nullable Long purchasedThroughOrganizationId, String supportLevel,
                            String status, Instant createdAt, Instant updatedAt) {
        static SubscriptionJson of(Subscription s, LocalDate today) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/subscriptions/{id}.json")
                    .buildAndExpand(s.id()).toUriString();
            return new SubscriptionJson(s.id(), url, s.organizationId(), s.plan().code(), s.seats(), s.term().startsOn(),
                    s.term().endsOn(), s.purchasedThroughOrganizationId(), s.supportLevelOn(today).code(),
                    s.statusOn(today).code(), s.createdAt(), s.updatedAt());
        }
    }

    /** The root object of one subscription (API-1). */
    record SubscriptionResponse(SubscriptionJson subscription) {
    }

    /** One cursor page of subscriptions (API-1). */
    record SubscriptionPage(List<SubscriptionJson> subscriptions, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
