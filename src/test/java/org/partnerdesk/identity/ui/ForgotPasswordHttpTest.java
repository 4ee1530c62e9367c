package org.partnerdesk.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** UI-1 "Forgot password?" over plain HTTP: one answer for every address, so the form tells nobody who has an account. */
class ForgotPasswordHttpTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    JdbcClient db;

    @Autowired
    Passwords passwords;

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerAndOnlyAnAccountWithAPasswordGetsALink() throws Exception {
        Desk.Account withPassword = desk.agent();
        passwords.set(withPassword.id(), "the old but long password");
        Desk.Account withoutPassword = desk.endUserIn(desk.aCustomer()); // a first password comes with an invitation (PO-2)
        String unknown = Desk.unique("nobody").toLowerCase() + "@people.test";

        Answer known = new Visitor().ask(withPassword.email());
        Answer passwordless = new Visitor().ask(withoutPassword.email());
        Answer stranger = new Visitor().ask(unknown);

        assertThat(known.status()).isEqualTo(302);
        assertThat(passwordless).isEqualTo(known);
        assertThat(stranger).isEqualTo(known);
        assertThat(known.page()).contains("a link to set a new password is on its way");
        assertThat(awaitMail(withPassword.email(), "/password/set?token=").getSubject()).isEqualTo("[PartnerDesk] Set a new password");
        assertThat(resetsOf(withPassword)).isEqualTo(1);
        assertThat(resetsOf(withoutPassword)).isZero();
    }

    @Test
    void anAddressAskedForTooOftenIsRefusedAlikeWhetherItHasAnAccountOrNot() throws Exception {
        Desk.Account agent = desk.agent();
        passwords.set(agent.id(), "the old but long password");
        String unknown = Desk.unique("nobody").toLowerCase() + "@people.test";

        for (int i = 0; i < 5; i++) { // PARTNERDESK_SIGNUP_LIMIT_PER_EMAIL: 5 an hour, from any client address
            assertThat(new Visitor().ask(agent.email()).status()).isEqualTo(302);
            assertThat(new Visitor().ask(unknown).status()).isEqualTo(302);
        }
        Answer known = new Visitor().ask(agent.email());
        Answer stranger = new Visitor().ask(unknown);

        assertThat(known.status()).isEqualTo(429);
        assertThat(known.page()).contains("Too many requests from this e-mail address; try again in");
        assertThat(stranger.status()).isEqualTo(429);
        assertThat(stranger.page()).contains("Too many requests from this e-mail address; try again in");
    }

    private int resetsOf(Desk.Account account) {
        return db.sql("select count(*) from password_resets where user_id = ?").param(account.id()).query(Integer.class).single();
    }

    /** What the person sees: the status of the post, where it sends them, and the page they end on (its flash message). */
    record Answer(int status, String location, String page) {
    }

    /** A browser without JavaScript from an address of its own: a session cookie and the form's CSRF token. */
    private final class Visitor {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String address = "203.0." + ThreadLocalRandom.current().nextInt(113, 114) + "." + (1 + ThreadLocalRandom.current().nextInt(254));

        Answer ask(String email) {
            Matcher csrf = CSRF.matcher(get("/password/forgot").body());
            assertThat(csrf.find()).isTrue();
            String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> posted = ApiClient.exchange(http, request("/password/forgot")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = posted.headers().firstValue("Location").orElse("");
            String page = posted.statusCode() == 302 ? get(location).body() : posted.body();
            return new Answer(posted.statusCode(), location.replaceFirst(";jsessionid=.*", ""), flashOrError(page));
        }

        private HttpResponse<String> get(String path) {
            return ApiClient.exchange(http, request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl() + path)).header("X-Forwarded-For", address);
        }

        // the part of the page that answers: the flash message or the error, without the per-session CSRF token
        private String flashOrError(String page) {
            Matcher answer = Pattern.compile("<div id=\"flash\"[^>]*>(.*?)</div>|<div class=\"error-summary\"[^>]*>(.*?)</div>",
                    Pattern.DOTALL).matcher(page);
            StringBuilder found = new StringBuilder();
            while (answer.find()) {
                found.append(answer.group(0));
            }
            return found.toString();
        }
    }
}
