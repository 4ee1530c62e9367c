package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** API-1: the Zendesk Support API v2 conventions every resource follows (DESIGN "API conventions"). */
class ApiConventionsTest extends ApiTest {

    private static final String ISO_UTC_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Autowired
    JdbcClient db;

    @Test
    void jsonSuffixIsOptional() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);

        Reply plain = desk.admin.get("/api/v2/users/" + ann.id());
        Reply suffixed = desk.admin.get("/api/v2/users/" + ann.id() + ".json");
        Reply updated = desk.admin.put("/api/v2/organizations/" + acme.id() + ".json", """
                {"organization":{"notes":"via .json"}}""");

        assertThat(suffixed.status()).isEqualTo(200);
        assertThat(suffixed.json()).isEqualTo(plain.json());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(desk.admin.get("/api/v2/organizations/" + acme.id()).at("/organization/notes").stringValue()).isEqualTo("via .json");
        assertThat(desk.admin.get("/api/v2/users/me.json").at("/user/email").stringValue()).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void cursorPaginationWalksEveryOrganizationOnceToTheLastPage() {
        for (int i = 0; i < 4; i++) {
            desk.aCustomer();
        }
        List<Long> all = db.sql("select id from organizations order by id").query(Long.class).list();

        List<Long> seen = new ArrayList<>();
        String next = "/api/v2/organizations.json?page[size]=3";
        Reply page;
        do {
            page = desk.admin.get(next);
            assertThat(page.status()).isEqualTo(200);
            JsonNode items = page.json().get("organizations");
            items.forEach(org -> seen.add(org.get("id").longValue()));
            JsonNode meta = page.json().get("meta");
            JsonNode link = page.at("/links/next");
            if (meta.get("has_more").booleanValue()) {
                assertThat(items).hasSize(3);
                assertThat(link.stringValue()).startsWith(baseUrl() + "/api/v2/organizations?")
                        .contains("page%5Bsize%5D=3")
                        .contains("page%5Bafter%5D=" + meta.get("after_cursor").stringValue());
                next = link.stringValue();
            } else {
                assertThat(link.isNull()).isTrue();
                assertThat(page.at("/next_page").isNull()).isTrue();
                next = null;
            }
        } while (next != null);

        assertThat(seen).containsExactlyElementsOf(all);
    }

    @Test
    void lastPageHasNoNextLink() {
        Org acme = desk.aCustomer();
        desk.endUserIn(acme);

        Reply page = desk.admin.get("/api/v2/organizations/" + acme.id() + "/users?page[size]=1");

        assertThat(page.at("/meta/has_more").booleanValue()).isFalse();
        assertThat(page.at("/links/next").isNull()).isTrue();
        assertThat(page.at("/meta/after_cursor").isString()).isTrue();
    }

    @Test
    void pageSizeAboveOneHundredIsABadRequest() {
        Reply refused = desk.admin.get("/api/v2/users?page[size]=101");

        assertErrorShape(refused, 400, "InvalidPaginationParameter");
        assertThat(desk.admin.get("/api/v2/users?page[size]=100").status()).isEqualTo(200);
        assertErrorShape(desk.admin.get("/api/v2/users?page[size]=0"), 400, "InvalidPaginationParameter");
        assertErrorShape(desk.admin.get("/api/v2/users?page[size]=many"), 400, "InvalidPaginationParameter");
    }

    @Test
    void junkCursorIsABadRequest() {
        assertErrorShape(desk.admin.get("/api/v2/users?page[after]=junk"), 400, "InvalidPaginationParameter");
        assertErrorShape(desk.admin.get("/api/v2/organizations?page[after]=%21%21%21"), 400, "InvalidPaginationParameter");
        assertErrorShape(desk.admin.get("/api/v2/organization_memberships?page[after]=aWQ6YWJj"), 400, "InvalidPaginationParameter");
    }

    @Test
    void refusalsUseTheZendeskErrorShape() {
        Account stranger = desk.stranger();

        assertErrorShape(desk.anonymous().get("/api/v2/users"), 401, "Unauthorized");
        assertErrorShape(stranger.api().get("/api/v2/organizations"), 403, "Forbidden");
        assertErrorShape(desk.admin.get("/api/v2/organizations/999999999"), 404, "RecordNotFound");
        assertErrorShape(desk.admin.get("/api/v2/users?page[size]=500"), 400, "InvalidPaginationParameter");
        Reply invalid = desk.admin.post("/api/v2/users", """
                {"user":{"email":"%s"}}""".formatted(stranger.email()));
        assertErrorShape(invalid, 422, "RecordInvalid");
        assertThat(invalid.at("/details/name/0/description").stringValue()).isNotBlank();
        assertThat(invalid.at("/details/name/0/error").stringValue()).isEqualTo("blank");
    }

    @Test
    void malformedJsonIsInvalidJson() {
        long before = count("organizations");

        Reply refused = desk.admin.post("/api/v2/organizations", "{\"organization\":{\"name\":\"Broken\",");

        assertErrorShape(refused, 400, "InvalidJson");
        assertThat(count("organizations")).isEqualTo(before);
    }

    @Test
    void bodyWithoutItsRootObjectIsABadRequest() {
        Reply refused = desk.admin.post("/api/v2/users", """
                {"name":"Ann","email":"ann@people.test"}""");

        assertErrorShape(refused, 400, "InvalidRequest");
    }

    @Test
    void wrongTypesAreListedFieldByFieldAndNothingIsCreated() {
        long before = count("users");
        String email = Desk.unique("typed") + "@people.test";

        Reply refused = desk.admin.post("/api/v2/users", """
                {"user":{"name":42,"email":"%s","role":true,"organization_id":"acme","external_id":["x"]}}""".formatted(email));

        assertErrorShape(refused, 422, "RecordInvalid");
        assertThat(refused.at("/details/name/0/error").stringValue()).isEqualTo("invalid_type");
        assertThat(refused.at("/details/role/0/error").stringValue()).isEqualTo("invalid_type");
        assertThat(refused.at("/details/organization_id/0/error").stringValue()).isEqualTo("invalid_type");
        assertThat(refused.at("/details/external_id/0/error").stringValue()).isEqualTo("invalid_type");
        assertThat(count("users")).isEqualTo(before);
    }

    @Test
    void unknownRoleIsInvalidAndNothingIsCreated() {
        String email = Desk.unique("boss") + "@people.test";

        Reply refused = desk.admin.post("/api/v2/users", """
                {"user":{"name":"Boss","email":"%s","role":"boss"}}""".formatted(email));

        assertErrorShape(refused, 422, "RecordInvalid");
        assertThat(refused.at("/details/role/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(refused.at("/details/role/0/description").stringValue()).contains("end-user", "agent", "admin");
        assertThat(desk.admin.get("/api/v2/users/search?query=" + email).json().get("users")).isEmpty();
    }

    @Test
    void unknownRoleInAnUpdateChangesNothing() {
        Account ann = desk.stranger();

        Reply refused = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"name":"Promoted","role":"boss"}}""");

        assertErrorShape(refused, 422, "RecordInvalid");
        JsonNode read = desk.admin.get("/api/v2/users/" + ann.id()).json().get("user");
        assertThat(read.get("role").stringValue()).isEqualTo("end-user");
        assertThat(read.get("name").stringValue()).isEqualTo(ann.email());
    }

    @Test
    void unknownOrganizationTypeIsInvalidAndNothingIsCreated() {
        String name = Desk.unique("Vendor");

        Reply refused = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","organization_fields":{"org_type":"vendor"}}}""".formatted(name));

        assertErrorShape(refused, 422, "RecordInvalid");
        assertThat(refused.at("/details/organization_fields.org_type/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(db.sql("select count(*) from organizations where name = ?").param(name).query(Long.class).single()).isZero();
    }

    @Test
    void oversizeNameIsInvalidAndNothingIsCreated() {
        String longName = "N".repeat(300);
        long organizations = count("organizations");
        long users = count("users");

        Reply org = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","organization_fields":{"org_type":"customer"}}}""".formatted(longName));
        Reply user = desk.admin.post("/api/v2/users", """
                {"user":{"name":"%s","email":"%s"}}""".formatted(longName, Desk.unique("long") + "@people.test"));

        assertErrorShape(org, 422, "RecordInvalid");
        assertThat(org.at("/details/name/0/error").stringValue()).isEqualTo("too_long");
        assertErrorShape(user, 422, "RecordInvalid");
        assertThat(user.at("/details/name/0/error").stringValue()).isEqualTo("too_long");
        assertThat(count("organizations")).isEqualTo(organizations);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void readOnlyFieldsInPutBodiesAreIgnored() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        JsonNode userBefore = desk.admin.get("/api/v2/users/" + ann.id()).json().get("user");
        JsonNode orgBefore = desk.admin.get("/api/v2/organizations/" + acme.id()).json().get("organization");

        Reply user = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"id":1,"url":"http://elsewhere.test/users/1.json","created_at":"2001-01-01T00:00:00Z","name":"Ann Renamed"}}""");
        Reply org = desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"id":1,"url":"http://elsewhere.test","created_at":"2001-01-01T00:00:00Z","notes":"kept"}}""");

        assertThat(user.status()).as(user.toString()).isEqualTo(200);
        assertThat(user.at("/user/id").longValue()).isEqualTo(ann.id());
        assertThat(user.at("/user/name").stringValue()).isEqualTo("Ann Renamed");
        assertThat(user.at("/user/url").stringValue()).isEqualTo(userBefore.get("url").stringValue());
        assertThat(user.at("/user/created_at").stringValue()).isEqualTo(userBefore.get("created_at").stringValue());
        assertThat(org.status()).as(org.toString()).isEqualTo(200);
        assertThat(org.at("/organization/id").longValue()).isEqualTo(acme.id());
        assertThat(org.at("/organization/notes").stringValue()).isEqualTo("kept");
        assertThat(org.at("/organization/created_at").stringValue()).isEqualTo(orgBefore.get("created_at").stringValue());
        assertThat(desk.admin.get("/api/v2/users/" + ann.id()).at("/user/name").stringValue()).isEqualTo("Ann Renamed");
    }

    @Test
    void timestampsAreUtcToTheSecond() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Reply token = desk.admin.post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d}}""".formatted(ann.id()));
        JsonNode membership = desk.admin.get("/api/v2/organization_memberships?user_id=" + ann.id())
                .at("/organization_memberships/0");

        List<String> stamps = List.of(
                desk.admin.get("/api/v2/users/" + ann.id()).at("/user/created_at").stringValue(),
                desk.admin.get("/api/v2/users/" + ann.id()).at("/user/updated_at").stringValue(),
                desk.admin.get("/api/v2/organizations/" + acme.id()).at("/organization/created_at").stringValue(),
                desk.admin.get("/api/v2/organizations/" + acme.id()).at("/organization/updated_at").stringValue(),
                membership.get("created_at").stringValue(),
                token.at("/api_token/created_at").stringValue());

        assertThat(stamps).allSatisfy(stamp -> assertThat(stamp).matches(ISO_UTC_SECONDS));
    }

    @Test
    void firstPostWithIdempotencyKeyIsAMiss() {
        Reply first = desk.admin.withHeader("Idempotency-Key", Desk.unique("key")).post("/api/v2/organizations", orgBody(Desk.unique("Once")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("x-idempotency-lookup")).isEqualTo("miss");
    }

    @Test
    void replayedPostReturnsFirstResponse() {
        ApiClient keyed = desk.admin.withHeader("Idempotency-Key", Desk.unique("key"));
        String name = Desk.unique("Replayed");
        Reply first = keyed.post("/api/v2/organizations", orgBody(name));
        long after = count("organizations");

        Reply replay = keyed.post("/api/v2/organizations", orgBody(name));

        assertThat(replay.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(replay.header("x-idempotency-lookup")).isEqualTo("hit");
        assertThat(replay.text()).isEqualTo(first.text());
        assertThat(count("organizations")).isEqualTo(after);
    }

    @Test
    void refusedPostIsReplayedAsTheSameRefusal() {
        Account ann = desk.stranger();
        ApiClient keyed = ann.api().withHeader("Idempotency-Key", Desk.unique("key"));
        String body = orgBody(Desk.unique("NotYours"));

        Reply first = keyed.post("/api/v2/organizations", body);
        Reply replay = keyed.post("/api/v2/organizations", body);

        assertThat(first.status()).isEqualTo(403);
        assertThat(first.header("x-idempotency-lookup")).isEqualTo("miss");
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.header("x-idempotency-lookup")).isEqualTo("hit");
        assertThat(replay.text()).isEqualTo(first.text());
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        ApiClient keyed = desk.admin.withHeader("Idempotency-Key", Desk.unique("key"));
        keyed.post("/api/v2/organizations", orgBody(Desk.unique("First")));
        long after = count("organizations");
        String second = Desk.unique("Second");

        Reply refused = keyed.post("/api/v2/organizations", orgBody(second));

        assertErrorShape(refused, 400, "IdempotentRequestError");
        assertThat(count("organizations")).isEqualTo(after);
    }

    @Test
    void idempotencyKeysBelongToOneUser() {
        String key = Desk.unique("key");
        Account otherAdmin = desk.anAdmin();

        Reply mine = desk.admin.withHeader("Idempotency-Key", key).post("/api/v2/organizations", orgBody(Desk.unique("Mine")));
        Reply theirs = otherAdmin.api().withHeader("Idempotency-Key", key).post("/api/v2/organizations", orgBody(Desk.unique("Theirs")));

        assertThat(mine.header("x-idempotency-lookup")).isEqualTo("miss");
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("x-idempotency-lookup")).isEqualTo("miss");
        assertThat(theirs.id("organization")).isNotEqualTo(mine.id("organization"));
    }

    @Test
    void unknownEndpointIsJsonNotAPage() {
        Reply missing = desk.admin.get("/api/v2/no_such_things");

        assertErrorShape(missing, 404, "InvalidEndpoint");
        assertThat(missing.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void openApiDescribesTheUsersEndpointsWithoutTheActor() {
        Reply docs = desk.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v2/users")).isTrue();
        assertThat(paths.has("/api/v2/users/{id}")).isTrue();
        assertThat(paths.has("/api/v2/users/me")).isTrue();
        // the signed-in Actor is resolved, never a parameter (a deleted ticket's "actor" is a property of Zendesk's shape)
        assertThat(docs.text()).doesNotContain("\"name\":\"actor\"").doesNotContain("#/components/schemas/Actor\"");
        assertThat(paths.at("/~1api~1v2~1users~1me/get/parameters").isMissingNode()
                || paths.at("/~1api~1v2~1users~1me/get/parameters").isEmpty()).isTrue();
    }

    @Test
    void openApiNamesPropertiesInSnakeCaseAsTheApiWritesThem() {
        JsonNode schemas = desk.anonymous().get("/v3/api-docs").json().at("/components/schemas");

        JsonNode users = schemas.at("/UserJson/properties");
        assertThat(users.has("organization_id")).as(users.toString()).isTrue();
        assertThat(users.has("created_at")).isTrue();
        assertThat(users.has("organizationId")).isFalse();
        List<String> camelCase = new ArrayList<>();
        schemas.properties().forEach(schema -> schema.getValue().path("properties").propertyNames().stream()
                .filter(name -> !name.equals(name.toLowerCase())).forEach(name -> camelCase.add(schema.getKey() + "." + name)));
        assertThat(camelCase).isEmpty();
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String orgBody(String name) {
        return """
                {"organization":{"name":"%s","organization_fields":{"org_type":"customer"}}}""".formatted(name);
    }

    private static void assertErrorShape(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.at("/error").stringValue()).isEqualTo(error);
        assertThat(reply.at("/description").stringValue()).isNotBlank();
        assertThat(reply.at("/details").isObject()).isTrue();
    }
}
