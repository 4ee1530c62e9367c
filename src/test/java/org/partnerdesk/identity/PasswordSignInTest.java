package org.partnerdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;

/** API-2: portal users sign in with {@code Basic base64(email:password)}; guessing is stopped per e-mail address. */
class PasswordSignInTest extends ApiTest {

    private static final String PASSWORD = "a password of some length";

    @Autowired
    Passwords passwords;

    private ApiClient signedIn(String email, String password) {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return desk.anonymous().withAuthorization("Basic " + basic);
    }

    @Test
    void aUserWithAPasswordSignsInWithEmailAndPasswordAndKeepsItsTokens() {
        Account user = desk.endUserIn(desk.aPartner("open"));
        passwords.set(user.id(), PASSWORD);

        Reply me = signedIn(user.email(), PASSWORD).get("/api/v2/users/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.at("/user/id").longValue()).isEqualTo(user.id());
        assertThat(user.api().get("/api/v2/users/me").status()).isEqualTo(200);
        Reply wrong = signedIn(user.email(), PASSWORD + "!").get("/api/v2/users/me");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.at("/error").stringValue()).isEqualTo("Unauthorized");
    }

    @Test
    void aUserWithoutAPasswordCannotSignInWithOne() {
        Account user = desk.endUserIn(desk.aCustomer());

        assertThat(signedIn(user.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(401);
    }

    @Test
    void tenWrongPasswordsStopSignInForThatEmailWith429AndRetryAfterButNotItsTokens() {
        Account user = desk.endUserIn(desk.aPartner("select"));
        passwords.set(user.id(), PASSWORD);
        for (int i = 0; i < 10; i++) {
            assertThat(signedIn(user.email(), "wrong guess " + i).get("/api/v2/users/me").status()).isEqualTo(401);
        }

        Reply throttled = signedIn(user.email(), PASSWORD).get("/api/v2/users/me");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.at("/error").stringValue()).isEqualTo("TooManyRequests");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(user.api().get("/api/v2/users/me").status()).isEqualTo(200);
    }

    @Test
    void aPasswordIsAtLeastTwelveCharactersAndAtMost72Bytes() {
        assertThat(Passwords.problemWith("short")).contains("too short");
        assertThat(Passwords.problemWith("é".repeat(40))).contains("too long");
        assertThat(Passwords.problemWith(PASSWORD)).isNull();
    }
}
