package org.partnerdesk.directory.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.OrganizationMemberships;
import org.partnerdesk.directory.persistence.StoredMemberships.Membership;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/organization_memberships} (SPEC 7): DIR-3 answers 422, DIR-4 answers 403. */
@RestController
@RequestMapping("/api/v2/organization_memberships")
class OrganizationMembershipController {

    private final OrganizationMemberships memberships;

    OrganizationMembershipController(OrganizationMemberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationMembershipResponse create(Actor actor, @RequestBody JsonNode body) {
        actor.requireStaff();
        JsonBody membership = JsonBody.root(body, "organization_membership");
        Long userId = membership.requiredId("user_id");
        Long organizationId = membership.requiredId("organization_id");
        membership.throwIfInvalid();
        return new OrganizationMembershipResponse(MembershipJson.of(memberships.create(actor, userId, organizationId)));
    }

    @GetMapping("/{id}")
    OrganizationMembershipResponse show(Actor actor, @PathVariable long id) {
        return new OrganizationMembershipResponse(MembershipJson.of(memberships.find(actor, id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id) {
        memberships.delete(actor, id);
    }

    @GetMapping
    OrganizationMembershipPage list(Actor actor, HttpServletRequest request,
                             @RequestParam(name = "organization_id", required = false) @Nullable Long organizationId,
                             @RequestParam(name = "user_id", required = false) @Nullable Long userId) {
        return memberships.page(actor, PageRequest.from(request), organizationId, userId)
                .body(MembershipJson::of, request, OrganizationMembershipPage::new);
    }

    record MembershipJson(long id, long userId, long organizationId, boolean isDefault, Instant createdAt) {
        static MembershipJson of(Membership m) {
            return new MembershipJson(m.id(), m.userId(), m.organizationId(), true, m.createdAt());
        }
    }

    /** The root object of one organization membership (API-1). */
    record OrganizationMembershipResponse(MembershipJson organizationMembership) {
    }

    /** One cursor page of organization memberships (API-1). */
    record OrganizationMembershipPage(List<MembershipJson> organizationMemberships, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
