package org.partnerdesk.directory.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.directory.Users.Placement;
import org.partnerdesk.directory.UserDetails;
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

/** {@code /api/v2/users} (SPEC 7). */
@RestController
@RequestMapping("/api/v2")
class UserController {

    private static final Set<String> ROLES = Set.of("end-user", "agent", "admin");

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(Actor actor, @RequestBody JsonNode body) {
        actor.requireAdmin();
        JsonBody user = JsonBody.root(body, "user");
        UserDetails values = read(user, null);
        Long organizationId = user.id("organization_id");
        user.throwIfInvalid();
        return wrap(users.create(actor, values, organizationId), actor);
    }

    @PutMapping("/users/{id}")
    UserResponse update(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        User existing = users.find(actor, id);
        actor.requireAdmin();
        JsonBody user = JsonBody.root(body, "user");
        UserDetails values = read(user, existing);
        Placement placement = user.has("organization_id") ? new Placement.In(user.id("organization_id")) : new Placement.Keep();
        user.throwIfInvalid();
        return wrap(users.update(actor, id, values, placement), actor);
    }

    @GetMapping("/users/{id}")
    UserResponse show(Actor actor, @PathVariable long id) {
        return wrap(users.find(actor, id), actor);
    }

    @GetMapping("/users/me")
    UserResponse me(Actor actor) {
        return wrap(users.me(actor), actor);
    }

    @GetMapping("/users")
    UserPage list(Actor actor, HttpServletRequest request) {
        return users.page(actor, PageRequest.from(request), null).body(u -> UserJson.of(u, actor), request, UserPage::new);
    }

    @GetMapping("/organizations/{organizationId}/users")
    UserPage ofOrganization(Actor actor, @PathVariable long organizationId, HttpServletRequest request) {
        return users.page(actor, PageRequest.from(request), organizationId).body(u -> UserJson.of(u, actor), request, UserPage::new);
    }

    @GetMapping("/users/search")
    UserPage search(Actor actor, @RequestParam(name = "query", required = false) @Nullable String query,
                               @RequestParam(name = "email", required = false) @Nullable String email,
                               HttpServletRequest request) {
        String term = email != null ? email : query;
        if (term == null || term.isBlank()) {
            throw org.partnerdesk.api.ApiException.badRequest("InvalidParameter", "Give query= (an e-mail or a name) or email=.");
        }
        return users.search(actor, term, PageRequest.from(request)).body(u -> UserJson.of(u, actor), request, UserPage::new);
    }

    private static UserResponse wrap(User user, Actor reader) {
        return new UserResponse(UserJson.of(user, reader));
    }

    static UserDetails read(JsonBody body, @Nullable User existing) {
        String name = existing == null || body.has("name") ? body.requiredText("name", 255) : existing.name();
        String email = existing == null || body.has("email") ? body.requiredText("email", 254) : existing.email();
        // a new user without a role is an end user, as in Zendesk; a PUT that names the role must give one
        String role = existing == null ? body.oneOf("role", ROLES)
                : body.has("role") ? body.requiredOneOf("role", ROLES) : existing.role().code();
        String externalId = existing == null || body.has("external_id") ? body.text("external_id", 255) : existing.externalId();
        Long managerId = existing == null || body.has("manager_id") ? body.id("manager_id") : existing.managerId();
        return new UserDetails(name == null ? "" : name, email == null ? "" : email, role == null ? Role.END_USER : Role.fromCode(role).orElseThrow(), externalId, managerId);
    }

    record UserJson(long id, String url, String name, String email, String role, @Nullable Long organizationId,
                    @Nullable String externalId, @Nullable Long managerId, boolean active, Instant createdAt, Instant updatedAt) {
        /** The CRM contact id and the manager are the vendor's (DIR-2, PO-4): null unless staff read them (#10 item 13). */
        static UserJson of(User u, Actor reader) {
            boolean staff = reader.isStaff();
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/users/{id}.json")
                    .buildAndExpand(u.id()).toUriString();
            return new UserJson(u.id(), url, u.name(), u.email(), u.role().code(), u.organizationId(), staff ? u.externalId() : null,
                    staff ? u.managerId() : null, u.active(), u.createdAt(), u.updatedAt());
        }
    }

    /** The root object of one user (API-1). */
    record UserResponse(UserJson user) {
    }

    /** One cursor page of users (API-1). */
    record UserPage(List<UserJson> users, CursorPage.Meta meta, CursorPage.Links links, @Nullable String nextPage) {
    }
}
