package org.partnerdesk.partnerops.ui;

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

/** A signed-in browser session without a browser, as console.PageAuthorizationTest's: cookies, CSRF, no redirects followed. */
final class PageSession {

    static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private String csrf = "";

    private PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static PageSession signedIn(String baseUrl, Passwords passwords, Desk.Account account) {
        PageSession session = new PageSession(baseUrl);
        passwords.set(account.id(), PASSWORD);
        session.readCsrf(session.get("/sign-in").body());
        var response = session.post("/sign-in", "email=" + encode(account.email()) + "&password=" + encode(PASSWORD));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        session.readCsrf(session.get("/ops").body());
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build());
    }

    /** A form post; {@code form} is already encoded ({@code reason=...&verdict=...}). */
    HttpResponse<String> post(String path, String form) {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readCsrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
    }
}
