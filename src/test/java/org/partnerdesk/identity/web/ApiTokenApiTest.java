package org.partnerdesk.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** API-2: per-user API tokens, shown once and stored hashed, used as {@code email/token:TOKEN} basic or Bearer. */
class ApiTokenApiTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Test
    void adminCreatesTokenForAUserWhoThenCallsTheApiWithIt() {
        Account ann = desk.stranger();

        Reply created = desk.admin.post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d,"description":"CRM sync"}}""".formatted(ann.id()));

        assertThat(created.status()).isEqualTo(201);
        JsonNode token = created.json().get("api_token");
        assertThat(token.get("id").isIntegralNumber()).isTrue();
        assertThat(token.get("user_id").longValue()).isEqualTo(ann.id());
        assertThat(token.get("description").stringValue()).isEqualTo("CRM sync");
        assertThat(token.get("token").stringValue()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(basic(ann.email(), token.get("token").stringValue()).get("/api/v2/users/me").at("/user/id").longValue())
                .isEqualTo(ann.id());
    }

    @Test
    void userCreatesTokenForItself() {
        Account ann = desk.stranger();

        Reply created = ann.api().post("/api/v2/api_tokens", """
                {"api_token":{"description":"my laptop"}}""");
        Reply named = ann.api().post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d,"description":"my phone"}}""".formatted(ann.id()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/api_token/user_id").longValue()).isEqualTo(ann.id());
        assertThat(named.status()).isEqualTo(201);
        assertThat(basic(ann.email(), created.at("/api_token/token").stringValue()).get("/api/v2/users/me").status()).isEqualTo(200);
    }

    @Test
    void userCannotCreateTokenForAnotherUser() {
        Account ann = desk.stranger();
        Account bob = desk.stranger();
        int bobsTokens = tokensOf(bob.id());

        Reply refused = ann.api().post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d,"description":"let me in"}}""".formatted(bob.id()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.at("/error").stringValue()).isEqualTo("Forbidden");
        assertThat(refused.at("/api_token").isMissingNode()).isTrue();
        assertThat(tokensOf(bob.id())).isEqualTo(bobsTokens);
    }

    @Test
    void agentCannotCreateTokenForAnotherUserEither() {
        Account agent = desk.agent();
        Account ann = desk.stranger();

        Reply refused = agent.api().post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d}}""".formatted(ann.id()));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void tokenForUnknownUserIsInvalid() {
        Reply refused = desk.admin.post("/api/v2/api_tokens", """
                {"api_token":{"user_id":999999999}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/user_id/0/error").stringValue()).isEqualTo("not_found");
    }

    @Test
    void tokenIsShownOnceAndListsNeverShowIt() {
        Account ann = desk.stranger();
        Reply created = ann.api().post("/api/v2/api_tokens", """
                {"api_token":{"description":"shown once"}}""");
        String plain = created.at("/api_token/token").stringValue();

        Reply mine = ann.api().get("/api/v2/api_tokens");
        Reply asAdmin = desk.admin.get("/api/v2/api_tokens?user_id=" + ann.id());

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("api_tokens")).hasSize(2);
        assertThat(mine.text()).doesNotContain(plain);
        assertThat(asAdmin.text()).doesNotContain(plain);
        mine.json().get("api_tokens").forEach(token -> {
            assertThat(token.has("token")).isFalse();
            assertThat(token.get("user_id").longValue()).isEqualTo(ann.id());
        });
        assertThat(mine.json().get("api_tokens").findValuesAsString("description")).contains("shown once");
    }

    @Test
    void databaseHoldsOnlyTheHashOfAToken() {
        Account ann = desk.stranger();
        Reply created = ann.api().post("/api/v2/api_tokens", """
                {"api_token":{"description":"hashed"}}""");
        long id = created.id("api_token");
        String plain = created.at("/api_token/token").stringValue();

        byte[] stored = db.sql("select token_hash from api_tokens where id = ?").param(id).query(byte[].class).single();
        long plainAnywhere = db.sql("""
                        select count(*) from api_tokens
                         where position(convert_to(?, 'UTF8') in token_hash) > 0 or description like '%' || ? || '%'""")
                .params(plain, plain).query(Long.class).single();
        boolean isSha256 = db.sql("select token_hash = sha256(convert_to(?, 'UTF8')) from api_tokens where id = ?")
                .params(plain, id).query(Boolean.class).single();

        assertThat(stored).isNotEqualTo(plain.getBytes(StandardCharsets.UTF_8));
        assertThat(plainAnywhere).isZero();
        assertThat(isSha256).isTrue();
    }

    @Test
    void tokenIsShownOnceEvenWhenItsPostIsRetriedWithAnIdempotencyKey() {
        Account ann = desk.stranger();
        ApiClient keyed = ann.api().withHeader("Idempotency-Key", "retry-" + ann.id());
        String body = """
                {"api_token":{"description":"retried"}}""";

        Reply first = keyed.post("/api/v2/api_tokens", body);
        Reply retry = keyed.post("/api/v2/api_tokens", body);
        String plain = first.at("/api_token/token").stringValue();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.text()).doesNotContain(plain);
        long kept = db.sql("select count(*) from idempotent_requests where position(convert_to(?, 'UTF8') in body) > 0")
                .param(plain).query(Long.class).single();
        assertThat(kept).isZero();
    }

    @Test // issue #10 item 10: another spelling of the path reaches the same handler, and the same rule
    void tokenIsNeverKeptForReplayWhenItsPathIsPercentEncoded() {
        Account ann = desk.stranger();
        ApiClient keyed = ann.api().withHeader("Idempotency-Key", Desk.unique("encoded"));
        String body = """
                {"api_token":{"description":"encoded path"}}""";

        Reply first = keyed.post("/api/v2/%61pi_tokens", body);
        Reply retry = keyed.post("/api/v2/%61pi_tokens", body);
        String plain = first.at("/api_token/token").stringValue();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.text()).doesNotContain(plain);
        assertThat(retry.header("x-idempotency-lookup")).isNull();
        long kept = db.sql("select count(*) from idempotent_requests where position(convert_to(?, 'UTF8') in body) > 0")
                .param(plain).query(Long.class).single();
        assertThat(kept).isZero();
    }

    @Test
    void tokenWorksAsBasicAndAsBearer() {
        Account ann = desk.stranger();
        String token = desk.tokenFor(ann.id());

        Reply asBasic = basic(ann.email(), token).get("/api/v2/users/me");
        Reply asBasicWithOtherCase = basic(ann.email().toUpperCase(), token).get("/api/v2/users/me");
        Reply asBearer = ApiClient.withBearer(baseUrl(), token).get("/api/v2/users/me");

        assertThat(asBasic.at("/user/id").longValue()).isEqualTo(ann.id());
        assertThat(asBasicWithOtherCase.at("/user/id").longValue()).isEqualTo(ann.id());
        assertThat(asBearer.at("/user/id").longValue()).isEqualTo(ann.id());
    }

    @Test
    void wrongTokenIsUnauthorized() {
        Account ann = desk.stranger();

        assertUnauthorized(basic(ann.email(), "not-the-token").get("/api/v2/users/me"));
        assertUnauthorized(ApiClient.withBearer(baseUrl(), "not-the-token").get("/api/v2/users/me"));
    }

    @Test
    void rightTokenWithAnotherUsersEmailIsUnauthorized() {
        Account ann = desk.stranger();
        Account bob = desk.stranger();
        String annsToken = desk.tokenFor(ann.id());

        assertUnauthorized(basic(bob.email(), annsToken).get("/api/v2/users/me"));
        assertUnauthorized(basic(ADMIN_EMAIL, annsToken).get("/api/v2/users/me"));
    }

    @Test
    void malformedAuthorizationIsUnauthorized() {
        Account ann = desk.stranger();
        String token = desk.tokenFor(ann.id());
        ApiClient anonymous = desk.anonymous();

        assertUnauthorized(anonymous.withAuthorization("Basic !!!not-base64!!!").get("/api/v2/users/me"));
        assertUnauthorized(anonymous.withAuthorization("Basic " + base64(ann.email() + ":" + token)).get("/api/v2/users/me"));
        assertUnauthorized(anonymous.withAuthorization("Basic " + base64(ann.email() + "/token" + token)).get("/api/v2/users/me"));
        assertUnauthorized(anonymous.withAuthorization("Basic " + base64("/token:" + token)).get("/api/v2/users/me"));
        assertUnauthorized(anonymous.withAuthorization("Token " + token).get("/api/v2/users/me"));
        assertUnauthorized(anonymous.withAuthorization(token).get("/api/v2/users/me"));
        assertUnauthorized(anonymous.withAuthorization("Bearer").get("/api/v2/users/me"));
    }

    @Test
    void callerWithoutCredentialsIsUnauthorized() {
        Reply refused = desk.anonymous().get("/api/v2/users/me");

        assertUnauthorized(refused);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void revokedTokenNoLongerAuthenticates() {
        Account ann = desk.stranger();
        Reply created = ann.api().post("/api/v2/api_tokens", """
                {"api_token":{"description":"short-lived"}}""");
        long id = created.id("api_token");
        ApiClient withIt = basic(ann.email(), created.at("/api_token/token").stringValue());
        assertThat(withIt.get("/api/v2/users/me").status()).isEqualTo(200);

        Reply revoked = ann.api().delete("/api/v2/api_tokens/" + id);

        assertThat(revoked.status()).isEqualTo(204);
        assertUnauthorized(withIt.get("/api/v2/users/me"));
        assertThat(ann.api().get("/api/v2/api_tokens").json().get("api_tokens").findValuesAsString("description"))
                .doesNotContain("short-lived");
        assertThat(ann.api().get("/api/v2/users/me").status()).isEqualTo(200);
    }

    @Test
    void adminRevokesAUsersToken() {
        Account ann = desk.stranger();
        Reply created = desk.admin.post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d}}""".formatted(ann.id()));

        assertThat(desk.admin.delete("/api/v2/api_tokens/" + created.id("api_token")).status()).isEqualTo(204);
        assertUnauthorized(basic(ann.email(), created.at("/api_token/token").stringValue()).get("/api/v2/users/me"));
    }

    @Test
    void userCannotRevokeAnotherUsersToken() {
        Account ann = desk.stranger();
        Account bob = desk.stranger();
        Reply bobs = bob.api().post("/api/v2/api_tokens", """
                {"api_token":{"description":"bob's"}}""");

        Reply refused = ann.api().delete("/api/v2/api_tokens/" + bobs.id("api_token"));

        assertThat(refused.status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(basic(bob.email(), bobs.at("/api_token/token").stringValue()).get("/api/v2/users/me").status()).isEqualTo(200);
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        assertThat(desk.admin.delete("/api/v2/api_tokens/999999999").status()).isEqualTo(404);
    }

    private ApiClient basic(String email, String token) {
        return ApiClient.withToken(baseUrl(), email, token);
    }

    private int tokensOf(long userId) {
        return desk.admin.get("/api/v2/api_tokens?user_id=" + userId).json().get("api_tokens").size();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.at("/error").stringValue()).isEqualTo("Unauthorized");
        assertThat(reply.at("/description").stringValue()).isNotBlank();
    }
}
