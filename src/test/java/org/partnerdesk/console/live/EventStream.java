package org.partnerdesk.console.live;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client of {@code /live/stream}, signed in through the sign-in form like a browser: each line the desk
 * sends is queued as it arrives. {@link #close()} hangs up, as a closed tab does.
 */
final class EventStream implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int status;

    private EventStream(HttpClient http, int status) {
        this.http = http;
        this.status = status;
    }

    /** Signs in at {@code baseUrl} and opens {@code path} there. */
    static EventStream open(String baseUrl, String email, String password, String path) throws Exception {
        return Session.signIn(baseUrl, email, password).open(path);
    }

    /** A browser's session: signed in through the form, its cookie kept. */
    static final class Session {

        private final HttpClient http;
        private final String baseUrl;
        private final String startPage;

        private Session(HttpClient http, String baseUrl, String startPage) {
            this.http = http;
            this.baseUrl = baseUrl;
            this.startPage = startPage;
        }

        static Session signIn(String baseUrl, String email, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String form = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String body = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf(form));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new AssertionError("sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
            }
            return new Session(http, baseUrl, URI.create(baseUrl).resolve(location).getPath());
        }

        /** Posts a form as a page's script does, with the session's CSRF token (read from the start page). */
        int post(String path, String form) throws Exception {
            String page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + startPage)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf(page)))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        EventStream open(String path) throws Exception {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            EventStream stream = new EventStream(http, response.statusCode());
            Thread.ofVirtual().start(() -> {
                try (var lines = response.body()) {
                    lines.forEach(stream.lines::add);
                } catch (RuntimeException closed) {
                    // hung up
                }
            });
            return stream;
        }
    }

    private static String csrf(String page) {
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on the page");
        }
        return csrf.group(1);
    }

    int status() {
        return status;
    }

    /** Waits up to {@code within} for a line equal to {@code wanted}; answers whether it came. */
    boolean awaitLine(String wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (wanted.equals(line)) {
                return true;
            }
        }
        return false;
    }

    /** The next line starting with {@code prefix} within {@code within}, or null. */
    String awaitLineStartingWith(String prefix, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
