package org.partnerdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.api.Actor;
import org.partnerdesk.identity.persistence.StoredPasswords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** API-2: portal users sign in with {@code Basic base64(email:password)}; guessing is slowed per e-mail and client address. */
class PasswordSignInTest extends ApiTest {

    private static final String PASSWORD = "a password of some length";

    @Autowired
    Passwords passwords;

    @Autowired
    SignInThrottle throttle;

    // each test signs in from an address of its own (the tests' proxy forwards it), so throttles of other tests do not meet
    private final String address = "198.51.100." + (1 + new java.util.Random().nextInt(254));

    @Autowired
    JdbcClient db;

    @Autowired
    StoredPasswords storedPasswords;

    private ApiClient signedIn(String email, String password) {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return desk.anonymous().withHeader("X-Forwarded-For", address).withAuthorization("Basic " + basic);
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
    void wrongPasswordsFromOneAddressAreSlowedWith429AndRetryAfterButNotItsTokens() { // #10 item 5: was a lock-out of the e-mail
        Account user = desk.endUserIn(desk.aPartner("select"));
        passwords.set(user.id(), PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(signedIn(user.email(), "wrong guess " + i).get("/api/v2/users/me").status()).isEqualTo(401);
        }

        Reply throttled = signedIn(user.email(), PASSWORD).get("/api/v2/users/me");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.at("/error").stringValue()).isEqualTo("TooManyRequests");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(user.api().get("/api/v2/users/me").status()).isEqualTo(200);
    }

    @Test
    void aPasswordIsAtLeastTwelveCharactersAndAtMost72Bytes() {
        assertThat(Passwords.problemWith("short")).contains("too short");
        assertThat(Passwords.problemWith("é".repeat(40))).contains("too long");
        assertThat(Passwords.problemWith(PASSWORD)).isNull();
    }
    @Test
    void aSecondSignInWithTheSameCredentialsDoesNotRunBcryptAgain() { // API-2
        Account user = desk.endUserIn(desk.aPartner("open"));
        CountingEncoder encoder = new CountingEncoder();
        Passwords counted = new Passwords(storedPasswords, throttle, new VerifiedPasswords(Clock.systemUTC(), 100, Duration.ofMinutes(5)), encoder);
        counted.set(user.id(), PASSWORD);

        assertThat(counted.authenticate(user.email(), PASSWORD, address)).map(Actor::userId).contains(user.id());
        assertThat(counted.authenticate(user.email().toUpperCase(java.util.Locale.ROOT), PASSWORD, address)).map(Actor::userId).contains(user.id());
        assertThat(counted.authenticate(user.email(), PASSWORD, address)).map(Actor::userId).contains(user.id());

        assertThat(encoder.checks).isEqualTo(1);
        assertThat(counted.authenticate(user.email(), PASSWORD + "!", address)).isEmpty(); // a wrong password is never remembered
        assertThat(counted.authenticate(user.email(), PASSWORD + "!", address)).isEmpty();
        assertThat(encoder.checks).isEqualTo(3);
        assertThat(counted.authenticate("nobody-" + user.email(), PASSWORD, address)).isEmpty(); // an unknown e-mail pays bcrypt too (the decoy)
        assertThat(encoder.checks).isEqualTo(4);
    }

    @Test
    void aChangedPasswordStopsTheOldOneAtOnce() { // API-2
        Account user = desk.endUserIn(desk.aPartner("open"));
        passwords.set(user.id(), PASSWORD);
        assertThat(signedIn(user.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(200);
        assertThat(signedIn(user.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(200);

        passwords.set(user.id(), "a new password of some length");

        assertThat(signedIn(user.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(401);
        assertThat(signedIn(user.email(), "a new password of some length").get("/api/v2/users/me").status()).isEqualTo(200);
    }

    @Test
    void aPasswordChangedBehindThisNodesBackMissesTheMemoryToo() { // API-2: the remembered pair is bound to the stored hash
        Account user = desk.endUserIn(desk.aPartner("open"));
        passwords.set(user.id(), PASSWORD);
        assertThat(signedIn(user.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(200);

        db.sql("update user_passwords set password_hash = ? where user_id = ?")
                .params(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("changed on another node"), user.id()).update();

        assertThat(signedIn(user.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(401);
    }

    @Test
    void aRememberedSignInStillLetsWrongPasswordsCountAndBeThrottled() { // API-2
        Account user = desk.endUserIn(desk.aPartner("select"));
        passwords.set(user.id(), PASSWORD);
        assertThat(signedIn(user.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(signedIn(user.email(), "wrong guess " + i).get("/api/v2/users/me").status()).isEqualTo(401);
        }

        assertThat(signedIn(user.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(429);
    }

    private static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        private int checks;

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return real.matches(raw, encoded);
        }
    }
}
