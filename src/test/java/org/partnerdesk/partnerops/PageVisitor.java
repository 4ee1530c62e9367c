package org.partnerdesk.partnerops;

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

/**
 * A browser without a browser, for the cheaper page tests (as console.PageAuthorizationTest's): cookies, no redirects
 * followed, the CSRF token of the last page read, and a client address of its own (the tests' proxy forwards it).
 */
final class PageVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private final String address;
    private String csrf = "";

    PageVisitor(String baseUrl, String address) {
        this.baseUrl = baseUrl;
        this.address = address;
    }

    PageVisitor signIn(String email, String password) throws IOException, InterruptedException {
        get("/sign-in");
        var response = post("/sign-in", "email=" + encode(email) + "&password=" + encode(password));
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        get("/portal"); // sign-in renews the token; any page with the layout shows the new one
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** A form post with the CSRF token a page gave, as a browser sends it. */
    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return postWithoutCsrf(path, (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf));
    }

    HttpResponse<String> postWithoutCsrf(String path, String form) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-Forwarded-For", address);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
