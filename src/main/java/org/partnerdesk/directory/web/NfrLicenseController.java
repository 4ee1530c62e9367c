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
import org.partnerdesk.directory.NfrLicense;
import org.partnerdesk.directory.NfrLicenses;
import org.partnerdesk.directory.NfrLicenses.Issue;
import org.partnerdesk.directory.Plan;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/nfr_licenses} (SPEC 7, DIR-6), with the status as of today. */
@RestController
@RequestMapping("/api/v2/nfr_licenses")
class NfrLicenseController {

    static final int MAX_USERS = 10_000;

    private final NfrLicenses licenses;
    private final Clock clock;

    NfrLicenseController(NfrLicenses licenses, Clock clock) {
        this.licenses = licenses;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NfrLicenseResponse create(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        return wrap(licenses.issue(actor, read(JsonBody.root(body, "nfr_license"))));
    }

    @GetMapping("/{id}")
    NfrLicenseResponse show(Actor actor, @PathVariable long id) {
        return wrap(licenses.find(actor, id));
    }

    @GetMapping
    NfrLicensePage list(Actor actor, HttpServletRequest request,
                             @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId) {
        LocalDate today = LocalDate.now(clock);
        return licenses.page(actor, PageRequest.from(request), organizationId)
                .body(license -> NfrLicenseJson.of(license, today), request, NfrLicensePage::new);
    }

    private NfrLicenseResponse wrap(NfrLicense license) {
        return new NfrLicenseResponse(NfrLicenseJson.of(license, LocalDate.now(clock)));
    }

    private static Issue read(JsonBody body) {
        Long organizationId = body.requiredId("organization_id");
        String plan = body.oneOf("plan", Plan.CODES);
        Integer users = body.requiredCount("users", MAX_USERS);
        if (users != null && users < 1) {
            body.problemWith("users", "invalid_value", "must be at least 1");
        }
        LocalDate startsOn = body.date("starts_on");
        LocalDate endsOn = body.date("ends_on");
        body.throwIfInvalid();
        return new Issue(organizationId, plan == null ? null : Plan.fromCode(plan).orElseThrow(), users, startsOn, endsOn);
    }

    record NfrLicenseJson(long id, String url, long organizationId, String plan, int users, LocalDate startsOn,
                          LocalDate endsOn, String status, Instant createdAt) {
        static NfrLicenseJson of(NfrLicense l, LocalDate today) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/nfr_licenses/{id}.json")
                    .buildAndExpand(l.id()).toUriString();
            return new NfrLicenseJson(l.id(), url, l.organizationId(), l.plan().code(), l.users(), l.term().startsOn(),
                    l.term().endsOn(), l.statusOn(today).code(), l.createdAt());
        }
    }

    /** The root object of one NFR license (DIR-6). */
    record NfrLicenseResponse(NfrLicenseJson nfrLicense) {
    }

    /** One cursor page of nfr licenses (API-1). */
    record NfrLicensePage(List<NfrLicenseJson> nfrLicenses, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
