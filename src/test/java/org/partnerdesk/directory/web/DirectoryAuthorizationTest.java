package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/**
 * Who may call which directory endpoint (API-2, SPEC 7): admins manage the directory, agents read it,
 * end users see only themselves and their organization. Every endpoint of users, organizations,
 * organization memberships and API tokens is called by nobody, by a stranger (an end user with no
 * organization), by a user of another organization and by an agent; a refused write changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryAuthorizationTest extends ApiTest {

    enum Caller { NOBODY, STRANGER, OTHER_ORGANIZATION, AGENT }

    /**
     * Ann, an end user of the customer Acme, is the one the calls are about; Bob belongs to Globex. The
     * world is arranged once: every refused write must leave it as it was for the next call.
     */
    record World(ApiClient admin, ApiClient nobody, Org acme, Account ann, long annsMembership, long annsSecondToken,
                 Org globex, Account bob, Account stranger, Account agent, Account loose,
                 String newcomerEmail, String newOrganizationExternalId) {

        static World arrange(Desk desk) {
            Org acme = desk.aCustomer();
            Account ann = desk.endUserIn(acme);
            long membership = desk.admin.get("/api/v2/organization_memberships?user_id=" + ann.id())
                    .at("/organization_memberships/0/id").longValue();
            long secondToken = desk.admin.post("/api/v2/api_tokens", """
                    {"api_token":{"user_id":%d,"description":"second"}}""".formatted(ann.id())).id("api_token");
            Org globex = desk.aCustomer();
            return new World(desk.admin, desk.anonymous(), acme, ann, membership, secondToken, globex, desk.endUserIn(globex),
                    desk.stranger(), desk.agent(), desk.stranger(),
                    Desk.unique("newcomer") + "@" + acme.domain(), Desk.unique("CRM"));
        }

        ApiClient as(Caller caller) {
            return switch (caller) {
                case NOBODY -> nobody;
                case STRANGER -> stranger.api();
                case OTHER_ORGANIZATION -> bob.api();
                case AGENT -> agent.api();
            };
        }

        JsonNode annAsAdminSeesHer() {
            return admin.get("/api/v2/users/" + ann.id()).json().get("user");
        }
    }

    /** One endpoint, how to call it about Ann, what each caller gets, and what must not have changed. */
    record Endpoint(String name, String method, Function<World, String> path, @Nullable Function<World, String> body,
                    Map<Caller, Integer> expected, Consumer<World> unchanged) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<Caller, Integer> ADMINS_ONLY = Map.of(
            Caller.NOBODY, 401, Caller.STRANGER, 403, Caller.OTHER_ORGANIZATION, 403, Caller.AGENT, 403);
    private static final Map<Caller, Integer> STAFF_READ = Map.of(
            Caller.NOBODY, 401, Caller.STRANGER, 403, Caller.OTHER_ORGANIZATION, 403, Caller.AGENT, 200);
    private static final Map<Caller, Integer> OWN_ONLY = Map.of(
            Caller.NOBODY, 401, Caller.STRANGER, 200, Caller.OTHER_ORGANIZATION, 200, Caller.AGENT, 200);
    // #10 item 15: another's record by id answers 404 to end users, as one that does not exist; staff keep 403 for what
    // their role may not do to a record they can see
    private static final Map<Caller, Integer> ADMINS_ONLY_BY_ID = Map.of(
            Caller.NOBODY, 401, Caller.STRANGER, 404, Caller.OTHER_ORGANIZATION, 404, Caller.AGENT, 403);
    private static final Map<Caller, Integer> STAFF_READ_BY_ID = Map.of(
            Caller.NOBODY, 401, Caller.STRANGER, 404, Caller.OTHER_ORGANIZATION, 404, Caller.AGENT, 200);
    private static final Map<Caller, Integer> OWNER_OR_ADMIN_BY_ID = Map.of(
            Caller.NOBODY, 401, Caller.STRANGER, 404, Caller.OTHER_ORGANIZATION, 404, Caller.AGENT, 404);
    private static final Consumer<World> READ_ONLY = world -> { };

    static List<Endpoint> endpoints() {
        return List.of(
                // users
                new Endpoint("POST /users", "POST", w -> "/api/v2/users",
                        w -> """
                                {"user":{"name":"Newcomer","email":"%s","organization_id":%d}}""".formatted(w.newcomerEmail(), w.acme().id()),
                        ADMINS_ONLY,
                        w -> assertThat(w.admin().get("/api/v2/users/search?query=" + w.newcomerEmail()).json().get("users")).isEmpty()),
                new Endpoint("PUT /users/{id}", "PUT", w -> "/api/v2/users/" + w.ann().id(),
                        w -> """
                                {"user":{"name":"Hijacked","role":"admin","organization_id":null}}""",
                        ADMINS_ONLY_BY_ID,
                        w -> {
                            JsonNode ann = w.annAsAdminSeesHer();
                            assertThat(ann.get("name").stringValue()).isEqualTo(w.ann().email());
                            assertThat(ann.get("role").stringValue()).isEqualTo("end-user");
                            assertThat(ann.get("organization_id").longValue()).isEqualTo(w.acme().id());
                        }),
                new Endpoint("GET /users/{id}", "GET", w -> "/api/v2/users/" + w.ann().id(), null, STAFF_READ_BY_ID, READ_ONLY),
                new Endpoint("GET /users", "GET", w -> "/api/v2/users", null, STAFF_READ, READ_ONLY),
                new Endpoint("GET /organizations/{id}/users", "GET", w -> "/api/v2/organizations/" + w.acme().id() + "/users",
                        null, STAFF_READ, READ_ONLY),
                new Endpoint("GET /users/search", "GET", w -> "/api/v2/users/search?query=" + w.ann().email(), null, STAFF_READ, READ_ONLY),
                new Endpoint("GET /users/me", "GET", w -> "/api/v2/users/me", null, OWN_ONLY, READ_ONLY),
                // organizations
                new Endpoint("POST /organizations", "POST", w -> "/api/v2/organizations",
                        w -> """
                                {"organization":{"name":"%s","external_id":"%s","organization_fields":{"org_type":"partner","partner_track":"select"}}}"""
                                .formatted(w.newOrganizationExternalId(), w.newOrganizationExternalId()),
                        ADMINS_ONLY,
                        w -> assertThat(w.admin().get("/api/v2/organizations/search?external_id=" + w.newOrganizationExternalId())
                                .json().get("organizations")).isEmpty()),
                new Endpoint("PUT /organizations/{id}", "PUT", w -> "/api/v2/organizations/" + w.acme().id(),
                        w -> """
                                {"organization":{"name":"Hijacked %s","notes":"hijacked"}}""".formatted(w.acme().name()),
                        ADMINS_ONLY_BY_ID,
                        w -> {
                            JsonNode acme = w.admin().get("/api/v2/organizations/" + w.acme().id()).json().get("organization");
                            assertThat(acme.get("name").stringValue()).isEqualTo(w.acme().name());
                            assertThat(acme.get("notes").isNull()).isTrue();
                        }),
                new Endpoint("GET /organizations/{id}", "GET", w -> "/api/v2/organizations/" + w.acme().id(), null, STAFF_READ_BY_ID, READ_ONLY),
                new Endpoint("GET /organizations", "GET", w -> "/api/v2/organizations", null, STAFF_READ, READ_ONLY),
                new Endpoint("GET /organizations/search", "GET", w -> "/api/v2/organizations/search?external_id=anything",
                        null, STAFF_READ, READ_ONLY),
                // issue #17: the incremental exports hold every user and organization, so they are the admins' (as in Zendesk)
                new Endpoint("GET /incremental/users/cursor", "GET", w -> "/api/v2/incremental/users/cursor?start_time=0&per_page=1", null,
                        ADMINS_ONLY, READ_ONLY),
                new Endpoint("GET /incremental/users", "GET", w -> "/api/v2/incremental/users?start_time=0&per_page=1", null,
                        ADMINS_ONLY, READ_ONLY),
                new Endpoint("GET /incremental/organizations", "GET", w -> "/api/v2/incremental/organizations?start_time=0&per_page=1",
                        null, ADMINS_ONLY, READ_ONLY),
                // organization memberships
                new Endpoint("POST /organization_memberships", "POST", w -> "/api/v2/organization_memberships",
                        w -> """
                                {"organization_membership":{"user_id":%d,"organization_id":%d}}""".formatted(w.loose().id(), w.globex().id()),
                        ADMINS_ONLY,
                        w -> assertThat(w.admin().get("/api/v2/users/" + w.loose().id()).at("/user/organization_id").isNull()).isTrue()),
                new Endpoint("GET /organization_memberships/{id}", "GET", w -> "/api/v2/organization_memberships/" + w.annsMembership(),
                        null, STAFF_READ_BY_ID, READ_ONLY),
                new Endpoint("DELETE /organization_memberships/{id}", "DELETE",
                        w -> "/api/v2/organization_memberships/" + w.annsMembership(), null, ADMINS_ONLY,
                        w -> assertThat(w.annAsAdminSeesHer().get("organization_id").longValue()).isEqualTo(w.acme().id())),
                new Endpoint("GET /organization_memberships", "GET", w -> "/api/v2/organization_memberships", null, STAFF_READ, READ_ONLY),
                new Endpoint("GET /organization_memberships?organization_id=", "GET",
                        w -> "/api/v2/organization_memberships?organization_id=" + w.acme().id(), null, STAFF_READ, READ_ONLY),
                new Endpoint("GET /organization_memberships?user_id=", "GET",
                        w -> "/api/v2/organization_memberships?user_id=" + w.ann().id(), null, STAFF_READ, READ_ONLY),
                // issue #17: show_many answers everyone signed in, leaving out whom they may not see; lists per owner as show
                new Endpoint("GET /users/show_many", "GET", w -> "/api/v2/users/show_many?ids=" + w.ann().id(), null, OWN_ONLY,
                        w -> assertThat(w.bob().api().get("/api/v2/users/show_many?ids=" + w.ann().id()).json().get("users")).isEmpty()),
                new Endpoint("GET /organizations/show_many", "GET", w -> "/api/v2/organizations/show_many?ids=" + w.acme().id(), null,
                        OWN_ONLY, w -> assertThat(w.bob().api().get("/api/v2/organizations/show_many?ids=" + w.acme().id())
                                .json().get("organizations")).isEmpty()),
                new Endpoint("GET /users/{id}/organization_memberships", "GET",
                        w -> "/api/v2/users/" + w.ann().id() + "/organization_memberships", null, STAFF_READ_BY_ID, READ_ONLY),
                new Endpoint("GET /organizations/{id}/organization_memberships", "GET",
                        w -> "/api/v2/organizations/" + w.acme().id() + "/organization_memberships", null, STAFF_READ_BY_ID, READ_ONLY),
                // API tokens: admins for anyone, everyone else for themselves only
                new Endpoint("POST /api_tokens", "POST", w -> "/api/v2/api_tokens",
                        w -> """
                                {"api_token":{"user_id":%d,"description":"stolen"}}""".formatted(w.ann().id()),
                        ADMINS_ONLY,
                        w -> assertThat(w.admin().get("/api/v2/api_tokens?user_id=" + w.ann().id()).json().get("api_tokens")
                                .findValuesAsString("description")).doesNotContain("stolen")),
                new Endpoint("GET /api_tokens?user_id=", "GET", w -> "/api/v2/api_tokens?user_id=" + w.ann().id(), null, ADMINS_ONLY, READ_ONLY),
                new Endpoint("GET /api_tokens", "GET", w -> "/api/v2/api_tokens", null, OWN_ONLY, READ_ONLY),
                new Endpoint("DELETE /api_tokens/{id}", "DELETE", w -> "/api/v2/api_tokens/" + w.annsSecondToken(), null, OWNER_OR_ADMIN_BY_ID,
                        w -> assertThat(w.admin().get("/api/v2/api_tokens?user_id=" + w.ann().id()).json().get("api_tokens")
                                .findValuesAsString("description")).contains("second")));
    }

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                calls.add(Arguments.of(endpoint, caller, endpoint.expected().get(caller)));
            }
        }
        return calls.stream();
    }

    private @Nullable World world;

    @BeforeEach
    void arrangeTheWorldOnce() {
        if (world == null) {
            world = World.arrange(desk);
        }
    }

    @ParameterizedTest(name = "{0} by {1} answers {2}")
    @MethodSource("calls")
    void callerGetsWhatTheirRoleAllows(Endpoint endpoint, Caller caller, int expected) {
        World w = world();
        String body = endpoint.body() == null ? null : endpoint.body().apply(w);

        Reply reply = w.as(caller).send(endpoint.method(), endpoint.path().apply(w), body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.at("/error").stringValue()).isEqualTo(switch (expected) {
                case 401 -> "Unauthorized";
                case 404 -> "RecordNotFound";
                default -> "Forbidden";
            });
            assertThat(reply.at("/description").stringValue()).isNotBlank();
        }
        endpoint.unchanged().accept(w);
    }

    @Test
    void everyEndpointIsCoveredForEveryCaller() {
        assertThat(endpoints()).allSatisfy(endpoint -> assertThat(endpoint.expected()).containsOnlyKeys(Caller.values()));
    }

    @Test
    void endUserSeesItselfItsOrganizationAndItsMembership() {
        World w = world();
        ApiClient ann = w.ann().api();

        assertThat(ann.get("/api/v2/users/" + w.ann().id()).at("/user/email").stringValue()).isEqualTo(w.ann().email());
        assertThat(ann.get("/api/v2/organizations/" + w.acme().id()).at("/organization/name").stringValue()).isEqualTo(w.acme().name());
        assertThat(ann.get("/api/v2/organization_memberships/" + w.annsMembership()).at("/organization_membership/user_id").longValue())
                .isEqualTo(w.ann().id());
        assertThat(ann.get("/api/v2/organization_memberships?user_id=" + w.ann().id()).json().get("organization_memberships")).hasSize(1);
    }

    @Test
    void endUserDoesNotSeeOtherMembersOfItsOrganization() {
        World w = world();
        Account colleague = desk.endUserIn(w.acme());

        assertThat(w.ann().api().get("/api/v2/users/" + colleague.id()).status()).isEqualTo(404); // #10 item 15
        assertThat(w.ann().api().get("/api/v2/organizations/" + w.acme().id() + "/users").status()).isEqualTo(403);
    }

    @Test
    void everyoneSeesOnlyThemselvesAtMe() {
        World w = world();

        for (Account account : List.of(w.ann(), w.bob(), w.stranger(), w.agent())) {
            assertThat(account.api().get("/api/v2/users/me").at("/user/id").longValue()).isEqualTo(account.id());
        }
    }

    @Test
    void everyoneListsOnlyTheirOwnTokens() {
        World w = world();

        for (Account account : List.of(w.ann(), w.bob(), w.stranger(), w.agent())) {
            JsonNode tokens = account.api().get("/api/v2/api_tokens").json().get("api_tokens");
            assertThat(tokens).isNotEmpty().allSatisfy(token -> assertThat(token.get("user_id").longValue()).isEqualTo(account.id()));
        }
    }

    @Test
    void agentReadsTheDirectoryButChangesNothing() {
        World w = world();
        ApiClient agent = w.agent().api();

        assertThat(agent.get("/api/v2/users/" + w.ann().id()).at("/user/email").stringValue()).isEqualTo(w.ann().email());
        assertThat(agent.get("/api/v2/users/search?query=" + w.ann().email()).json().get("users")).hasSize(1);
        assertThat(agent.get("/api/v2/organizations/" + w.acme().id() + "/users").json().get("users").findValuesAsString("email"))
                .contains(w.ann().email());
        assertThat(agent.put("/api/v2/users/" + w.agent().id(), """
                {"user":{"role":"admin"}}""").status()).isEqualTo(403);
        assertThat(w.admin().get("/api/v2/users/" + w.agent().id()).at("/user/role").stringValue()).isEqualTo("agent");
    }

    private World world() {
        assertThat(world).isNotNull();
        return world;
    }
}
