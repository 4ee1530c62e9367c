package org.partnerdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.identity.Passwords;
import org.springframework.web.util.HtmlUtils;

/**
 * A browser without a browser for the pages' HTTP tests (the portal, the agent and operations consoles): cookies, no
 * redirects followed, and the CSRF token of the last page read sent with each form post.
 */
public final class PageSession {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private String csrf = "";

    private PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Nobody signed in: the sign-in page's token, for the public forms. */
    public static PageSession anonymous(String baseUrl) {
        PageSession session = new PageSession(baseUrl);
        session.get("/sign-in");
        return session;
    }

    /** Signed in through the sign-in form with {@link #PASSWORD}, on the page the person lands on (sign-in renews the token). */
    public static PageSession signedIn(String baseUrl, Passwords passwords, Desk.Account account) {
        PageSession session = anonymous(baseUrl);
        passwords.set(account.id(), PASSWORD);
        Answer signedIn = session.post("/sign-in", "email=" + encode(account.email()) + "&password=" + encode(PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        String landing = signedIn.location();
        for (int hops = 0; hops < 5 && !landing.isEmpty(); hops++) { // the landing page carries the renewed token
            landing = session.get(URI.create(baseUrl).resolve(landing).getRawPath()).location();
        }
        return session;
    }

    /**
     * An answer as a person reads it: the status, the page's text with its HTML entities read ({@code &#39;} is '),
     * the redirect's address and the headers.
     */
    public record Answer(int statusCode, String body, String location, HttpHeaders headers) {
    }

    public Answer get(String path) {
        return answer(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build()));
    }

    /** A form post; {@code form} is already url-encoded ({@link #encode}). */
    public Answer post(String path, String form) {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf);
        return answer(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    /** A multipart form post, as a browser sends a form with a file input; the fields in their order. */
    public Answer postMultipart(String path, Map<String, String> fields) {
        return postMultipart(path, fields, null, null);
    }

    /** The same with one file, {@code fileName} as the browser names it, in the form's {@code files} input. */
    public Answer postMultipart(String path, Map<String, String> fields, @Nullable String fileName, @Nullable String content) {
        String boundary = "----PageSession" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        if (fileName != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"").append(fileName)
                    .append("\"\r\nContent-Type: text/plain\r\n\r\n").append(content).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return answer(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build()));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer answer(HttpResponse<String> response) {
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return new Answer(response.statusCode(), HtmlUtils.htmlUnescape(response.body()),
                response.headers().firstValue("Location").orElse(""), response.headers());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
