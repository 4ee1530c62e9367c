package org.partnerdesk.ticket.ui;

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
import org.springframework.web.util.HtmlUtils;

/** A browser without a browser for the portal's HTTP tests: cookies, no redirects followed, the CSRF token of the last page read. */
final class PortalSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery staple";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf = "";

    private PortalSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static PortalSession anonymous(String baseUrl) {
        PortalSession session = new PortalSession(baseUrl);
        session.readCsrf(session.get("/sign-in").body());
        return session;
    }

    static PortalSession signedIn(String baseUrl, Passwords passwords, Desk.Account account) {
        PortalSession session = anonymous(baseUrl);
        passwords.set(account.id(), PASSWORD);
        Answer signedIn = session.post("/sign-in", "email=" + encode(account.email()) + "&password=" + encode(PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        session.get("/portal/requests");
        return session;
    }

    /** An answer as a person reads it: the status, the page's text with its HTML entities read ({@code &#39;} is '), the redirect. */
    record Answer(int statusCode, String body, String location, java.net.http.HttpHeaders headers) {
    }

    Answer get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build());
        readCsrf(response.body());
        return answer(response);
    }

    Answer post(String path, String form) {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf);
        return answer(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), HtmlUtils.htmlUnescape(response.body()),
                response.headers().firstValue("Location").orElse(""), response.headers());
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
