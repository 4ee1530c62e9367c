import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * PartnerDesk's page benchmark (issue #14, UI-1 budgets): JDK only, loopback only, bounded in requests and time.
 *
 *   java [-Dpages=agent,portal,ops] [-Dportal.email=.. -Dportal.password=.. -Dcustomer.email=..] [-Dops.email=.. -Dops.password=..] \
 *        bench/PageLoad.java URL EMAIL PASSWORD ADMIN_EMAIL ADMIN_TOKEN REQUESTS CLIENTS SEARCH MAX_SECONDS
 *
 * The agent pages (issue #14) sign in as EMAIL. The portal pages (issue #15) sign in as portal.email, a partner who filed
 * for customers: "My requests", "For my customers", a request page with 50 comments (half internal, not shown) and the
 * decision preview the "New request" page posts on every change (for customer.email, and for a mistyped domain), budget
 * 20 ms. The operations console's lists (issue #16) sign in as ops.email (default EMAIL).
 * Gives one ticket 50 comments through the API (ADMIN_TOKEN), signs CLIENTS browsers in through the sign-in form (CSRF
 * token from GET /sign-in), then requests the agent queue, that ticket's page and a search REQUESTS times each (after 100
 * unreported warm-up requests), CLIENTS at a time, for at most MAX_SECONDS per page. It reports the server time the desk
 * sends (Server-Timing: app;dur=, with partnerdesk.bench.query-count=true) as p50/p95/p99, the client's p95, the most
 * SQL statements one request ran (X-Query-Count), and the bytes a first visit transfers (the page and every stylesheet,
 * icon and script it names, gzip-compressed as a browser asks) and a later visit (the page only: the assets are
 * fingerprinted and cached for a year). A page that answers 404 is reported as missing, not as an error.
 */
public class PageLoad {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern ASSET = Pattern.compile("<(?:link|script)\\b[^>]*?\\b(?:href|src)=\"(/[^\"]+)\"");
    static final int WARM_UP = 100;

    /** A page to measure: GET {@code path}, or POST {@code form} (with the browser's CSRF token, as htmx sends it). */
    record Page(String name, String path, String form, double budgetMs) {
        Page(String name, String path) {
            this(name, path, null, 50);
        }
    }

    /** A signed-in browser and its CSRF token (from the sign-in form). */
    record Browser(HttpClient client, String csrf) { }

    record Sample(double serverMs, double clientMs, int queries) { }

    public static void main(String[] args) throws Exception {
        if (args.length < 9) {
            System.err.println("usage: URL EMAIL PASSWORD ADMIN_EMAIL ADMIN_TOKEN REQUESTS CLIENTS SEARCH MAX_SECONDS");
            System.exit(2);
        }
        String url = args[0];
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("load tests target 127.0.0.1 only, not " + host);
        }
        String email = args[1];
        String password = args[2];
        String adminAuth = "Basic " + Base64.getEncoder().encodeToString((args[3] + "/token:" + args[4]).getBytes(StandardCharsets.UTF_8));
        int requests = Math.min(Integer.parseInt(args[5]), 100_000);
        int clients = Math.max(1, Math.min(Integer.parseInt(args[6]), 32));
        String search = args[7];
        int maxSeconds = Math.min(Integer.parseInt(args[8]), 600);

        Set<String> suites = new LinkedHashSet<>(List.of(System.getProperty("pages", "agent").split(",")));
        System.out.printf("%d requests per page, %d clients, at most %d s per page%n%n", requests, clients, maxSeconds);
        System.out.println("| page | path | requests | errors | server p50 ms | server p95 ms | server p99 ms | client p95 ms "
                + "| max SQL statements | first visit KB | later visit KB | budgets |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        if (suites.contains("agent")) {
            long ticket = ticketWithComments(url, adminAuth, 50, null);
            measure(url, browsers(url, email, password, clients), List.of(new Page("agent queue", "/agent"),
                    new Page("ticket page, 50 comments", "/agent/tickets/" + ticket),
                    new Page("search results", "/agent/search?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8))),
                    requests, maxSeconds);
        }
        if (suites.contains("portal")) {
            String partner = System.getProperty("portal.email", "sam@resellco.test");
            String customer = System.getProperty("customer.email", "ann@acme.test");
            long ticket = ticketWithComments(url, adminAuth, 50, userId(url, adminAuth, partner));
            String at = customer.substring(customer.indexOf('@') + 1);
            String mistyped = customer.substring(0, customer.indexOf('@') + 1) + at.substring(0, at.length() - 2)
                    + at.charAt(at.length() - 1) + at.charAt(at.length() - 2);
            measure(url, browsers(url, partner, System.getProperty("portal.password", password), clients), List.of(
                    new Page("portal: My requests", "/portal/requests"),
                    new Page("portal: For my customers", "/portal/requests?list=customers"),
                    new Page("portal: My requests, open", "/portal/requests?status=open"),
                    new Page("portal: search my requests", "/portal/requests?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)),
                    new Page("portal: request page, 50 comments", "/portal/requests/" + ticket),
                    new Page("portal: decision preview", "/portal/requests/preview", openPartnerForm(customer), 20),
                    new Page("portal: preview, mistyped domain", "/portal/requests/preview", openPartnerForm(mistyped), 20)),
                    requests, maxSeconds);
        }
        if (suites.contains("ops")) {
            List<Page> lists = new ArrayList<>();
            for (String path : List.of("/ops", "/ops/inbox-counts", "/ops/applications", "/ops/access-requests", "/ops/nfr-requests",
                    "/ops/nfr-exceptions", "/ops/billing-accounts", "/ops/certifications", "/ops/crm-imports", "/ops/organizations",
                    "/ops/organizations?q=Bench+Partner+05", "/ops/users", "/ops/users?q=contact", "/ops/users/groups",
                    "/ops/subscriptions", "/ops/nfr-licenses", "/ops/api-tokens", "/ops/outbox", "/ops/jobs")) {
                lists.add(new Page("ops " + path, path));
            }
            measure(url, browsers(url, System.getProperty("ops.email", email), System.getProperty("ops.password", password), clients),
                    lists, requests, maxSeconds);
        }
        System.out.println();
        System.out.println("Budgets (UI-1): server p95 <= 50 ms (the decision preview 20 ms), <= 15 SQL statements, first visit <= 150 KB,"
                + " later visit <= 30 KB. Bytes are compressed response bodies (headers not counted).");
    }

    // the Open Partner form (ENT-1) naming the customer by e-mail and name, as a partner types it into "New request"
    static String openPartnerForm(String customerEmail) {
        return "form=360000818199&subject=" + enc("Cluster upgrade fails on the second node") + "&description="
                + enc("After the upgrade the second node does not rejoin; logs attached.") + "&priority=normal"
                + "&field-360012194200=" + enc(customerEmail) + "&field-360012167579=" + enc("Their customer")
                + "&field-360012194220=" + enc("Restarted the node and checked the network.");
    }

    static List<Browser> browsers(String url, String email, String password, int clients) throws Exception {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            browsers.add(signIn(url, email, password));
        }
        return browsers;
    }

    static void measure(String url, List<Browser> browsers, List<Page> pages, int requests, int maxSeconds) throws Exception {
        for (Page page : pages) {
            HttpResponse<byte[]> probe = send(browsers.getFirst(), url, page);
            if (probe.statusCode() == 404) {
                System.out.printf("| %s | `%s` | - | - | - | - | - | - | - | - | - | not there yet (404) |%n", page.name(), page.path());
                continue;
            }
            if (probe.statusCode() != 200) {
                System.out.printf("| %s | `%s` | - | - | - | - | - | - | - | - | - | answers %d |%n", page.name(), page.path(),
                        probe.statusCode());
                continue;
            }
            run(browsers.subList(0, 1), url, page, WARM_UP, maxSeconds);
            Result r = run(browsers, url, page, requests, maxSeconds);
            long later = probe.body().length;
            long first = page.form() == null ? later + assetBytes(browsers.getFirst().client(), url, probe) : later;
            System.out.printf(Locale.ROOT, "| %s | `%s` | %d | %d | %s | %s | %s | %.1f | %s | %.1f | %.1f | %s |%n", page.name(),
                    page.form() == null ? page.path() : "POST " + page.path(), r.samples().size(), r.errors(), ms(r.server(50)),
                    ms(r.server(95)), ms(r.server(99)), r.client(95), r.maxQueries() < 0 ? "?" : Integer.toString(r.maxQueries()),
                    first / 1024.0, later / 1024.0, budgets(r, page, first, later));
        }
    }

    /** The id of the user with this e-mail, found by the admin. */
    static long userId(String url, String auth, String email) throws Exception {
        HttpResponse<String> found = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/api/v2/users/search?query=" + enc(email))).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(found.body());
        if (found.statusCode() != 200 || !id.find()) {
            throw new IllegalStateException("no user " + email + ": " + found.statusCode() + " " + found.body());
        }
        return Long.parseLong(id.group(1));
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String budgets(Result r, Page page, long first, long later) {
        List<String> over = new ArrayList<>();
        if (Double.isNaN(r.server(95))) {
            over.add("no Server-Timing: start the desk with --partnerdesk.bench.query-count=true");
        } else if (r.server(95) > page.budgetMs()) {
            over.add(String.format(Locale.ROOT, "server p95 over %.0f ms", page.budgetMs()));
        }
        if (r.maxQueries() > 15) {
            over.add("over 15 statements");
        }
        if (first > 150 * 1024) {
            over.add("first visit over 150 KB");
        }
        if (later > 30 * 1024) {
            over.add("later visit over 30 KB");
        }
        return over.isEmpty() ? "within" : String.join("; ", over);
    }

    /** A new ticket (the admin's, or requested by {@code requester}) with {@code count} comments, half of the later ones internal notes. */
    static long ticketWithComments(String url, String auth, int count, Long requester) throws Exception {
        HttpClient api = HttpClient.newHttpClient();
        HttpResponse<String> created = api.send(json(url + "/api/v2/tickets", auth, "POST", """
                {"ticket":{"subject":"Bench: a ticket page with %d comments","comment":{"body":"The first comment of the bench ticket."},"priority":"high"%s}}"""
                .formatted(count, requester == null ? "" : ",\"requester_id\":" + requester)), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("could not open the bench ticket: " + created.statusCode() + " " + created.body());
        }
        long ticket = Long.parseLong(id.group(1));
        for (int i = 2; i <= count; i++) {
            String body = "Comment " + i + " of the bench ticket: the runner log shows a timeout after the cache restore step, "
                    + "then a retry that succeeds; attaching the next excerpt for comparison.";
            HttpResponse<String> put = api.send(json(url + "/api/v2/tickets/" + ticket, auth, "PUT",
                    "{\"ticket\":{\"comment\":{\"body\":\"" + body + "\",\"public\":" + (i % 2 == 0) + "}}}"),
                    HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                throw new IllegalStateException("could not comment on the bench ticket: " + put.statusCode() + " " + put.body());
            }
        }
        return ticket;
    }

    static HttpRequest json(String url, String auth, String method, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", auth)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A browser of its own (cookies), signed in through the form as a person is: GET /sign-in for the CSRF token, then POST. */
    static Browser signIn(String url, String email, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(url + "/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + url + "/sign-in");
        }
        String body = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(url + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String to = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || to.contains("error")) {
            throw new IllegalStateException("sign-in as " + email + " refused: " + signedIn.statusCode() + " " + to);
        }
        // the session's token after sign-in, from a page with a form (POST pages send it as htmx does, in X-CSRF-TOKEN)
        Matcher token = CSRF.matcher(browser.send(HttpRequest.newBuilder(URI.create(url + (to.contains("/portal") ? "/portal/requests/new"
                : "/ops/api-tokens"))).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        return new Browser(browser, token.find() ? token.group(1) : "");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,*/*").header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> send(Browser browser, String url, Page page) throws Exception {
        if (page.form() == null) {
            return get(browser.client(), url + page.path());
        }
        return browser.client().send(HttpRequest.newBuilder(URI.create(url + page.path())).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,*/*").header("Accept-Encoding", "gzip").header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(page.form())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The compressed bytes of every stylesheet, icon and script the page names, each once. */
    static long assetBytes(HttpClient browser, String url, HttpResponse<byte[]> page) throws Exception {
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = ASSET.matcher(text(page));
        while (m.find()) {
            assets.add(m.group(1).replace("&amp;", "&"));
        }
        long bytes = 0;
        for (String asset : assets) {
            HttpResponse<byte[]> response = get(browser, url + asset);
            if (response.statusCode() != 200) {
                System.err.println("asset " + asset + " answered " + response.statusCode());
            }
            bytes += response.body().length;
        }
        return bytes;
    }

    static String text(HttpResponse<byte[]> response) {
        try {
            byte[] body = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                    ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes() : response.body();
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(List<Sample> samples, long errors, double[] serverSorted, double[] clientSorted, int maxQueries) {
        double server(double p) {
            return pct(serverSorted, p);
        }

        double client(double p) {
            return pct(clientSorted, p);
        }

        static double pct(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, i)];
        }
    }

    static Result run(List<Browser> browsers, String url, Page page, int requests, int maxSeconds) throws Exception {
        long until = System.nanoTime() + maxSeconds * 1_000_000_000L;
        AtomicInteger left = new AtomicInteger(requests);
        AtomicLong errors = new AtomicLong();
        List<Future<List<Sample>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(browsers.size())) {
            for (Browser browser : browsers) {
                futures.add(pool.submit(() -> {
                    List<Sample> own = new ArrayList<>();
                    while (left.getAndDecrement() > 0 && System.nanoTime() < until) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = send(browser, url, page);
                            double clientMs = (System.nanoTime() - start) / 1e6;
                            if (response.statusCode() != 200) {
                                if (errors.incrementAndGet() == 1) {
                                    System.err.println(page.path() + " answered " + response.statusCode());
                                }
                                continue;
                            }
                            own.add(new Sample(serverMs(response), clientMs,
                                    response.headers().firstValue("X-Query-Count").map(Integer::parseInt).orElse(-1)));
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return own;
                }));
            }
            List<Sample> all = new ArrayList<>();
            for (Future<List<Sample>> f : futures) {
                all.addAll(f.get());
            }
            double[] server = all.stream().mapToDouble(Sample::serverMs).filter(d -> !Double.isNaN(d)).sorted().toArray();
            double[] client = all.stream().mapToDouble(Sample::clientMs).sorted().toArray();
            int maxQueries = all.stream().mapToInt(Sample::queries).max().orElse(-1);
            return new Result(all, errors.get(), server, client, maxQueries);
        }
    }

    /** {@code Server-Timing: app;dur=4.2} in milliseconds, or NaN when the desk does not send it. */
    static double serverMs(HttpResponse<?> response) {
        return response.headers().firstValue("Server-Timing").map(value -> {
            Matcher m = Pattern.compile("app;dur=([0-9.]+)").matcher(value);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }).orElse(Double.NaN);
    }
}
