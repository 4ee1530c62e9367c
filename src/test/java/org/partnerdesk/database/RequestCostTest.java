package org.partnerdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue #14 budgets: with {@code partnerdesk.bench.query-count} on, every answer names its SQL statements and server time
 * (bench/pages.sh reads them). Its own context; {@link RequestCostOffTest} shows the default sends neither. No timing is asserted.
 */
@TestPropertySource(properties = "partnerdesk.bench.query-count=true")
class RequestCostTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    Passwords passwords;

    @Test
    void anApiAnswerNamesItsStatementsAndServerTime() {
        Reply me = desk.admin.get("/api/v2/users/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(Integer.parseInt(me.header(RequestCost.QUERY_COUNT))).as("the token is looked up in the database").isPositive();
        assertThat(me.header(RequestCost.SERVER_TIMING)).matches("app;dur=\\d+\\.\\d");
    }

    @Test
    void aSignedInPageCountsTheSessionStoresStatementsToo() throws Exception {
        Account agent = desk.agent();
        passwords.set(agent.id(), "correct horse battery staple");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(get("/sign-in"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).as(form).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(agent.email()) + "&password="
                        + encode("correct horse battery staple") + "&_csrf=" + encode(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/agent"));

        HttpResponse<String> queue = browser.send(get("/agent"), HttpResponse.BodyHandlers.ofString());

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.headers().firstValue(RequestCost.QUERY_COUNT).map(Integer::parseInt))
                .as("at least the session is read from PostgreSQL").hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(queue.headers().firstValue(RequestCost.SERVER_TIMING)).hasValueSatisfying(t -> assertThat(t).startsWith("app;dur="));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
