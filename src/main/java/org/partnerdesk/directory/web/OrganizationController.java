package org.partnerdesk.directory.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.OrganizationRules;
import org.partnerdesk.directory.OrganizationType;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.PartnerTrack;
import org.partnerdesk.directory.OrganizationDetails;
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

/** {@code /api/v2/organizations} (SPEC 7). */
@RestController
@RequestMapping("/api/v2/organizations")
class OrganizationController {

    private final Organizations organizations;

    OrganizationController(Organizations organizations) {
        this.organizations = organizations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationResponse create(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        return wrap(organizations.create(actor, read(JsonBody.root(body, "organization"), null)), actor);
    }

    @PutMapping("/{id}")
    OrganizationResponse update(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        Organization existing = organizations.find(actor, id);
        actor.requireAdmin();
        return wrap(organizations.update(actor, id, read(JsonBody.root(body, "organization"), existing)), actor);
    }

    @GetMapping("/{id}")
    OrganizationResponse show(Actor actor, @PathVariable long id) {
        return wrap(organizations.find(actor, id), actor);
    }

    @GetMapping
    OrganizationPage list(Actor actor, HttpServletRequest request) {
        return organizations.page(actor, PageRequest.from(request)).body(o -> OrganizationJson.of(o, actor.isStaff()), request, OrganizationPage::new);
    }

    @GetMapping("/search")
    OrganizationSearch search(Actor actor, @RequestParam("external_id") String externalId) {
        List<OrganizationJson> found = organizations.withExternalId(actor, externalId).stream().map(o -> OrganizationJson.of(o, actor.isStaff())).toList();
        return new OrganizationSearch(found, found.size());
    }

    private static OrganizationResponse wrap(Organization organization, Actor actor) {
        return new OrganizationResponse(OrganizationJson.of(organization, actor.isStaff()));
    }

    /** Reads a create (no {@code existing}) or a PUT, where absent fields keep their values. */
    static OrganizationDetails read(JsonBody body, @Nullable Organization existing) {
        JsonBody fields = body.object("organization_fields");
        String name = existing == null || body.has("name") ? body.requiredText("name", OrganizationRules.LONGEST_NAME) : existing.name();
        String externalId = has(body, "external_id", existing) ? body.text("external_id", OrganizationRules.LONGEST_NAME) : existing.externalId();
        List<String> domains = has(body, "domain_names", existing)
                ? body.texts("domain_names", OrganizationRules.LONGEST_DOMAIN, OrganizationRules.MOST_DOMAINS) : existing.domainNames();
        String notes = has(body, "notes", existing) ? body.text("notes", OrganizationRules.LONGEST_TEXT) : existing.notes();
        Boolean shared = has(body, "shared_tickets", existing) ? body.bool("shared_tickets") : Boolean.valueOf(existing.sharesTickets());
        String type = has(fields, "org_type", existing) ? fields.requiredOneOf("org_type", OrganizationType.CODES) : existing.type().code();
        String track = has(fields, "partner_track", existing) ? fields.oneOf("partner_track", PartnerTrack.CODES)
                : existing.track() == null ? null : existing.track().code();
        Boolean compliant = has(fields, "track_compliant", existing) ? fields.bool("track_compliant") : Boolean.valueOf(existing.trackCompliant());
        String parent = has(fields, "parent_company", existing) ? fields.text("parent_company", OrganizationRules.LONGEST_NAME) : existing.parentCompany();
        String specialProcess = has(fields, "special_process", existing)
                ? fields.text("special_process", OrganizationRules.LONGEST_TEXT) : existing.specialProcess();
        String webhook = has(fields, "chat_webhook_url", existing)
                ? fields.text("chat_webhook_url", OrganizationRules.LONGEST_WEBHOOK) : existing.chatWebhookUrl();
        List<String> domainNames = domains == null ? List.of() : domains.stream().map(String::toLowerCase).distinct().toList();
        OrganizationType chosenType = type == null ? null : OrganizationType.fromCode(type).orElse(null);
        PartnerTrack chosenTrack = track == null ? null : PartnerTrack.fromCode(track).orElse(null);
        for (OrganizationRules.Problem problem : OrganizationRules.problems(chosenType, chosenTrack, sent(domainNames, body, existing), specialProcess, webhook)) {
            switch (problem.field()) {
                case DOMAINS -> body.problemWith("domain_names", "invalid_value", problem.detail());
                case TRACK -> fields.problemWith("partner_track", "invalid_value", problem.detail());
                case SPECIAL_PROCESS -> fields.problemWith("special_process", "invalid_value", problem.detail());
                case CHAT_WEBHOOK_URL -> fields.problemWith("chat_webhook_url", "invalid_value", problem.detail());
            }
        }
        body.throwIfInvalid();
        return new OrganizationDetails(name, externalId, OrganizationType.fromCode(type).orElseThrow(), chosenTrack,
                compliant == null || compliant, parent, notes, domainNames, shared != null && shared, blankToNull(specialProcess),
                blankToNull(webhook));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    // DIR-1: the domains checked are those sent; ones already held (the CRM import's) do not block a change of the notes
    private static List<String> sent(List<String> domainNames, JsonBody body, @Nullable Organization existing) {
        return has(body, "domain_names", existing) ? domainNames : List.of();
    }

    private static boolean has(JsonBody body, String field, @Nullable Organization existing) {
        return existing == null || body.has(field);
    }

    record OrganizationJson(long id, String url, String name, @Nullable String externalId, List<String> domainNames,
                            @Nullable String notes, boolean sharedTickets, OrganizationFields organizationFields,
                            Instant createdAt, Instant updatedAt) {
        /**
         * Staff also see the partner's special process (TKT-9) and chat channel (TKT-8), and the notes and CRM account id
         * (DIR-1): those are the vendor's, null for the organization's own members (#10 item 13).
         */
        static OrganizationJson of(Organization o, boolean forStaff) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/organizations/{id}.json")
                    .buildAndExpand(o.id()).toUriString();
            return new OrganizationJson(o.id(), url, o.name(), forStaff ? o.externalId() : null, o.domainNames(),
                    forStaff ? o.notes() : null, o.sharesTickets(),
                    OrganizationFields.of(o, forStaff), o.createdAt(), o.updatedAt());
        }
    }

    /**
     * The vendor's fields; the staff-only two are left out for members (TKT-8, TKT-9), so they are {@code null} (absent)
     * or an {@link Optional} that is written as {@code null} when empty.
     */
    record OrganizationFields(String orgType, @Nullable String partnerTrack, boolean trackCompliant, @Nullable String parentCompany,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Optional<String> specialProcess,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Optional<String> chatWebhookUrl) {
        static OrganizationFields of(Organization o, boolean forStaff) {
            return new OrganizationFields(o.type().code(), o.track() == null ? null : o.track().code(), o.trackCompliant(),
                    o.parentCompany(), forStaff ? Optional.ofNullable(o.specialProcess()) : null,
                    forStaff ? Optional.ofNullable(o.chatWebhookUrl()) : null);
        }
    }

    /** The root object of one organization (API-1). */
    record OrganizationResponse(OrganizationJson organization) {
    }

    /** One cursor page of organizations (API-1). */
    record OrganizationPage(List<OrganizationJson> organizations, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }

    /** The organizations with one external id, counted (SPEC 7). */
    record OrganizationSearch(List<OrganizationJson> organizations, int count) {
    }
}
