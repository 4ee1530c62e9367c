package org.partnerdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * #10 item 5 (docs/security.md "Throttling"): wrong passwords slow down whoever sends them, per client address and per
 * e-mail and address with a doubling delay; a stranger's guesses never lock the owner of the e-mail out.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTest extends ApiTest {

    private static final String PASSWORD = "the owner's own password";

    @Autowired
    Passwords passwords;

    @Autowired
    Attempts attempts;

    private ApiClient signIn(String address, String email, String password) {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return desk.anonymous().withHeader("X-Forwarded-For", address).withAuthorization("Basic " + basic);
    }

    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + (100 + random.nextInt(14)) + "." + (1 + random.nextInt(254));
    }

    private Account anOwnerWithAPassword() {
        Account owner = desk.endUserIn(desk.aPartner("open"));
        passwords.set(owner.id(), PASSWORD);
        return owner;
    }

    @Test
    void aStrangersElevenWrongPasswordsDoNotLockTheOwnerOut() {
        Account owner = anOwnerWithAPassword();
        String stranger = anAddress();
        List<Integer> strangersAnswers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            strangersAnswers.add(signIn(stranger, owner.email(), "guess number " + i).get("/api/v2/users/me").status());
        }

        Reply owners = signIn(anAddress(), owner.email(), PASSWORD).get("/api/v2/users/me");

        assertThat(owners.status()).as("the owner signs in from their own address: " + owners).isEqualTo(200);
        assertThat(owners.at("/user/id").longValue()).isEqualTo(owner.id());
        assertThat(strangersAnswers).as("the stranger is the one slowed down").contains(429).doesNotContain(200);
    }

    @Test
    void theDelayBetweenGuessesOfOneEmailFromOneAddressGrows() throws Exception {
        Account owner = anOwnerWithAPassword();
        String guesser = anAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(guesser, owner.email(), "guess " + i).get("/api/v2/users/me").status()).isEqualTo(401);
        }
        Reply first = signIn(guesser, owner.email(), "guess 5").get("/api/v2/users/me");
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.at("/error").stringValue()).isEqualTo("TooManyRequests");
        assertThat(Long.parseLong(first.header("Retry-After"))).isEqualTo(1L);

        Thread.sleep(1_100);
        assertThat(signIn(guesser, owner.email(), "guess 6").get("/api/v2/users/me").status())
                .as("after the wait one more guess is checked").isEqualTo(401);
        Reply second = signIn(guesser, owner.email(), "guess 7").get("/api/v2/users/me");

        assertThat(second.status()).isEqualTo(429);
        assertThat(Long.parseLong(second.header("Retry-After"))).isEqualTo(2L);
        assertThat(signIn(anAddress(), owner.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(200);
    }

    @Test
    void oneAddressGuessingManyAccountsIsStoppedForAllOfThemAndNobodyElse() {
        String guesser = anAddress();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            answers.add(signIn(guesser, Desk.unique("victim").toLowerCase() + "@people.test", "guess").get("/api/v2/users/me").status());
        }

        assertThat(answers.subList(0, 30)).containsOnly(401);
        Reply stopped = signIn(guesser, Desk.unique("next").toLowerCase() + "@people.test", "guess").get("/api/v2/users/me");
        assertThat(stopped.status()).as("past 30 wrong passwords in the window, the address is refused for any e-mail").isEqualTo(429);
        assertThat(stopped.at("/description").stringValue()).contains("from this address");
        Account owner = anOwnerWithAPassword();
        assertThat(signIn(guesser, owner.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(429);
        assertThat(signIn(anAddress(), owner.email(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(200);
    }

    @Test
    void onlyAnAttackFromManyAddressesReachesThePerEmailCeilingAndItIsLogged(CapturedOutput output) {
        // the ceiling is 300 in the desk; a throttle with a ceiling of 4 shows what happens when it is reached
        SignInThrottle lowCeiling = new SignInThrottle(attempts, Clock.systemUTC(), Duration.ofMinutes(15), 5, 30, 4);
        String email = Desk.unique("target").toLowerCase() + "@people.test";
        for (int i = 0; i < 4; i++) {
            String address = anAddress();
            lowCeiling.check(email, address);
            lowCeiling.failed(email, address);
        }

        assertThatThrownBy(() -> lowCeiling.check(email, anAddress())).isInstanceOf(SignInThrottle.Throttled.class)
                .hasMessageContaining("for this e-mail address");
        assertThat(output.getOut()).contains("Password sign-in for " + email + " is suspended", "PARTNERDESK_SIGN_IN_MAX_FAILURES_PER_EMAIL");
    }
}
