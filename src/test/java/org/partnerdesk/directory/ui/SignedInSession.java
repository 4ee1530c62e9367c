package org.partnerdesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnerdesk.Desk;
import org.partnerdesk.identity.Passwords;

/** A browser without a browser, as in PageAuthorizationTest: cookies, no redirects followed, the last page's CSRF token. */
final class SignedInSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery staple";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf = "";

    private SignedInSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static SignedInSession of(String baseUrl, Passwords passwords, Desk.Account account) throws IOException, InterruptedException {
        SignedInSession session = new SignedInSession(baseUrl);
        session.get("/sign-in");
        passwords.set(account.id(), PASSWORD);
        var signedIn = session.post("/sign-in", "email=" + encode(account.email()) + "&password=" + encode(PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        session.get("/portal"); // sign-in renews the token; any page with the layout shows the new one
        return session;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** A form post; {@code form} is already url-encoded ({@link #encode}). */
    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf);
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
