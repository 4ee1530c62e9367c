import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #18: what deploy/two-nodes.sh --small proves, through the balancer only (JDK only, loopback only).
 *
 *   java deploy/TwoNodeCheck.java failover LB STATS_CSV_URL ADMIN_EMAIL ADMIN_TOKEN PG_PORT REPLICA_PORT STATE desk-1=PID,desk-2=PID SECONDS
 *   java deploy/TwoNodeCheck.java rejoin   LB STATS_CSV_URL ADMIN_EMAIL ADMIN_TOKEN PG_PORT REPLICA_PORT STATE
 *
 * failover: signs the admin in to the pages and sends half of a Support Uploader file, runs ticket intake with
 * Idempotency-Keys on several clients, kills the node that staged the upload (SIGKILL) mid-load and keeps the load
 * running (a request that fails at the kill is retried with its key, API-1); then proves that every acknowledged ticket
 * exists once, that the page session goes on on the other node and that the upload resumes there with the right bytes.
 * It writes the killed node's name to STATE for the script, which restarts it.
 * rejoin: HAProxy marks the restarted node up, it answers requests and the session, and a new ticket reaches the
 * streaming replica. PostgreSQL is read with psql ($TWO_NODES_PSQL, as postgres, PGPASSWORD from the environment).
 * Any failed proof ends the program with exit status 1.
 */
public class TwoNodeCheck {

    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final String PASSWORD = "two nodes one desk no lost tickets";
    static final int CLIENTS = 4;
    static final int UPLOAD_BYTES = 3 * (1 << 20) + 12_345;

    final String lb;
    final String stats;
    final String admin;
    final String adminEmail;
    final String primaryPort;
    final String replicaPort;
    final Path state;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
            .build();
    final List<String> failures = new ArrayList<>();

    TwoNodeCheck(String[] args) {
        lb = args[1];
        String host = URI.create(lb).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("the check targets 127.0.0.1 only, not " + host);
        }
        stats = args[2];
        adminEmail = args[3];
        admin = basic(args[3] + "/token:" + args[4]);
        primaryPort = args[5];
        replicaPort = args[6];
        state = Path.of(args[7]);
    }

    public static void main(String[] args) throws Exception {
        TwoNodeCheck check = new TwoNodeCheck(args);
        switch (args[0]) {
            case "failover" -> check.failover(args[8], Integer.parseInt(args[9]));
            case "rejoin" -> check.rejoin();
            default -> throw new IllegalArgumentException(args[0]);
        }
        if (!check.failures.isEmpty()) {
            check.failures.forEach(f -> System.out.println("FAILED: " + f));
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- failover

    void failover(String pids, int seconds) throws Exception {
        Map<String, Long> nodes = new LinkedHashMap<>();
        for (String pair : pids.split(",")) {
            String[] p = pair.split("=");
            nodes.put(p[0], Long.parseLong(p[1]));
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        String customer = customer(run);

        Browser browser = signedInAdmin();
        System.out.printf("page session: admin signed in through the balancer, %s answers 200%n", browser.landing);

        long ticket = id(send("POST", "/api/v2/tickets", customer, "{\"ticket\":{\"subject\":\"Big file\",\"comment\":{\"body\":"
                + "\"Here it comes\"},\"ticket_form_id\":426148}}", 201).body());
        String link = match("\"url\":\"([^\"]+)\"", send("POST", "/api/v2/tickets/" + ticket + "/upload_links", admin, "{}", 201).body());
        byte[] file = new byte[UPLOAD_BYTES];
        new Random(18).nextBytes(file);
        int half = file.length / 2;
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(link)).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Integer.toString(file.length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("two-nodes.bin".getBytes()))
                .POST(BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        expect(created, 201, "tus creation");
        String upload = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> first = patch(upload, file, 0, half);
        expect(first, 204, "tus PATCH of the first half");
        String victim = servedBy(first);
        String survivor = nodes.keySet().stream().filter(n -> !n.equals(victim)).findFirst().orElseThrow();
        System.out.printf("tus upload: %,d of %,d bytes sent, staged by %s: %s is the node to kill%n", half, file.length, victim, victim);

        Intake intake = new Intake(customer, run);
        long killAt = intake.runWhile(seconds, () -> {
            Thread.sleep(seconds * 1000L * 2 / 5);
            long at = System.nanoTime();
            ProcessHandle.of(nodes.get(victim)).orElseThrow(() -> new IllegalStateException(victim + " is not running"))
                    .destroyForcibly(); // SIGKILL
            System.out.printf("killed %s (pid %d, SIGKILL) after %.1f s of load%n", victim, nodes.get(victim),
                    (at - intake.started) / 1e9);
            return at;
        }, () -> downAfter(victim));
        Files.writeString(state, "victim=" + victim + "\nsurvivor=" + survivor + "\ncookie=" + browser.sessionCookie()
                + "\nlanding=" + browser.landing + "\n");

        // d. every acknowledged ticket exists, once
        Map<String, Long> acknowledged = intake.acknowledged;
        int missing = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> found = new ArrayList<>();
            for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
                found.add(pool.submit(() -> {
                    HttpResponse<String> r = send("GET", "/api/v2/tickets/" + e.getValue(), admin, null, -1);
                    return r.statusCode() == 200 && r.body().contains("two-nodes " + e.getKey());
                }));
            }
            for (Future<Boolean> f : found) {
                missing += f.get() ? 0 : 1;
            }
        }
        String stored = psql(primaryPort, "select count(*) || ' ' || count(distinct subject) from tickets where subject like 'two-nodes "
                + run + "-%'");
        String[] counts = stored.split(" ");
        long inDatabase = Long.parseLong(counts[0]), distinct = Long.parseLong(counts[1]);
        require(missing == 0, missing + " acknowledged tickets are not found through the balancer");
        require(inDatabase == acknowledged.size() && distinct == inDatabase, "PostgreSQL holds " + inDatabase + " tickets ("
                + distinct + " distinct keys) for " + acknowledged.size() + " acknowledged: lost or duplicated");
        require(intake.refused.get() == 0, intake.refused.get() + " requests were refused (not retriable)");

        // d. the page session goes on on the surviving node
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> page = browser.get(browser.landing);
            require(page.statusCode() == 200 && !Browser.isSignIn(page) && servedBy(page).equals(survivor),
                    "the signed-in page after the kill answered " + page.statusCode() + " from " + servedBy(page)
                            + (Browser.isSignIn(page) ? " (the sign-in page)" : ""));
        }
        System.out.printf("page session: %s still answers 200 signed in, served by %s%n", browser.landing, survivor);

        // d. the upload resumes on the surviving node
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(upload)).header("Tus-Resumable", "1.0.0")
                .method("HEAD", BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        expect(head, 200, "tus HEAD after the kill");
        long offset = Long.parseLong(head.headers().firstValue("Upload-Offset").orElse("-1"));
        require(offset == half, "HEAD after the kill gives offset " + offset + ", not " + half);
        HttpResponse<String> rest = patch(upload, file, (int) offset, file.length - (int) offset);
        expect(rest, 204, "tus PATCH of the rest");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        String files = send("GET", "/api/v2/tickets/" + ticket + "/uploaded_files", admin, null, 200).body();
        require(files.contains("\"sha256\":\"" + sha + "\""), "uploaded_files does not list SHA-256 " + sha + ": " + files);
        String content = match("\"content_url\":\"([^\"]+)\"", files);
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(content)).header("Authorization", admin).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String downloaded = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()));
        require(download.statusCode() == 200 && downloaded.equals(sha), "the download answered " + download.statusCode()
                + " with SHA-256 " + downloaded + ", expected " + sha);
        System.out.printf("tus upload: HEAD on %s gives offset %,d, PATCH of the rest on %s, download SHA-256 %s... equal%n",
                servedBy(head), offset, servedBy(rest), sha.substring(0, 12));

        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---:|");
        System.out.printf("| intake clients, seconds | %d, %d |%n", CLIENTS, seconds);
        System.out.printf("| tickets acknowledged (2xx with id) | %d |%n", acknowledged.size());
        System.out.printf("| tickets lost | %d |%n", missing + Math.max(0, acknowledged.size() - inDatabase));
        System.out.printf("| tickets duplicated | %d |%n", Math.max(0, inDatabase - distinct));
        System.out.printf("| requests that failed (502/503/504/409/connection) | %d |%n", intake.failedAtKill.get());
        System.out.printf("| requests retried with the same Idempotency-Key | %d |%n", intake.retried.get());
        System.out.printf("| retries answered from the stored answer (x-idempotency-lookup: hit) | %d |%n", intake.replayed.get());
        System.out.printf("| last failed request after the kill | %s |%n", intake.lastFailure.get() == 0 ? "none"
                : String.format("%d ms", (intake.lastFailure.get() - killAt) / 1_000_000));
        System.out.printf("| HAProxy marked %s down after | %s |%n", victim, intake.markedDown < 0 ? "not seen"
                : intake.markedDown + " ms");
        System.out.printf("| intake p50 / max ms | %.1f / %.1f |%n", intake.percentile(50), intake.percentile(100));
        System.out.println();
    }

    /** An end user (a customer's contact) with an API token: the tickets' requester. */
    String customer(String run) throws Exception {
        long org = id(send("POST", "/api/v2/organizations", admin, "{\"organization\":{\"name\":\"two-nodes-" + run
                + "\",\"domain_names\":[\"" + run + ".two-nodes.test\"],\"organization_fields\":{\"org_type\":\"customer\"}}}", 201).body());
        long user = id(send("POST", "/api/v2/users", admin, "{\"user\":{\"name\":\"Carla Customer\",\"email\":\"carla@" + run
                + ".two-nodes.test\",\"organization_id\":" + org + "}}", 201).body());
        String token = match("\"token\":\"([^\"]+)\"", send("POST", "/api/v2/api_tokens", admin, "{\"api_token\":{\"user_id\":" + user
                + ",\"description\":\"two-nodes\"}}", 201).body());
        return basic("carla@" + run + ".two-nodes.test/token:" + token);
    }

    /**
     * The admin signs in with the sign-in form through the balancer. The start-up admin has only an API token, so its
     * password is set in PostgreSQL (bcrypt by pgcrypto, in the maintenance database): what an invitation mail would do.
     */
    Browser signedInAdmin() throws Exception {
        psql(primaryPort, "postgres", "create extension if not exists pgcrypto");
        String hash = psql(primaryPort, "postgres", "select crypt('" + PASSWORD + "', gen_salt('bf', 10))");
        psql(primaryPort, "partnerdesk", "insert into user_passwords (user_id, password_hash) select id, '{bcrypt}" + hash
                + "' from users where email = '" + adminEmail + "' on conflict (user_id) do update set password_hash = excluded.password_hash");
        Browser browser = new Browser(lb, http.connectTimeout().orElseThrow());
        browser.get("/sign-in");
        HttpResponse<String> signedIn = browser.post("/sign-in", "email=" + encode(adminEmail) + "&password=" + encode(PASSWORD));
        String landing = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || landing.contains("error")) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode() + " " + landing);
        }
        for (int hops = 0; hops < 5; hops++) {
            String path = URI.create(lb).resolve(landing).getRawPath();
            HttpResponse<String> page = browser.get(path);
            browser.landing = path;
            landing = page.headers().firstValue("Location").orElse("");
            if (landing.isEmpty()) {
                if (page.statusCode() != 200 || Browser.isSignIn(page)) {
                    throw new IllegalStateException("the landing page " + path + " answered " + page.statusCode());
                }
                break;
            }
        }
        return browser;
    }

    /** Ticket intake on CLIENTS threads; each request keeps its Idempotency-Key through its retries (API-1). */
    final class Intake {
        final String customer;
        final String run;
        final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        final AtomicLong retried = new AtomicLong(), failedAtKill = new AtomicLong(), refused = new AtomicLong(),
                replayed = new AtomicLong(), lastFailure = new AtomicLong();
        final List<Long> latencies = new ArrayList<>();
        long started;
        long markedDown = -1;

        Intake(String customer, String run) {
            this.customer = customer;
            this.run = run;
        }

        interface Kill {
            long at() throws Exception;
        }

        interface Watch {
            long millis() throws Exception;
        }

        long runWhile(int seconds, Kill kill, Watch watch) throws Exception {
            started = System.nanoTime();
            long deadline = started + seconds * 1_000_000_000L;
            long killAt;
            try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<List<Long>>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(pool.submit(() -> client(deadline)));
                }
                killAt = kill.at();
                markedDown = watch.millis();
                for (Future<List<Long>> f : clients) {
                    latencies.addAll(f.get());
                }
            }
            latencies.sort(null);
            System.out.printf("intake: %d tickets acknowledged by %d clients in %.1f s, %d failed requests retried%n",
                    acknowledged.size(), CLIENTS, (System.nanoTime() - started) / 1e9, retried.get());
            return killAt;
        }

        List<Long> client(long deadline) throws Exception {
            List<Long> took = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                String key = run + "-" + UUID.randomUUID();
                String body = "{\"ticket\":{\"subject\":\"two-nodes " + key + "\",\"comment\":{\"body\":\"Intake through the balancer\"},"
                        + "\"ticket_form_id\":426148}}";
                long t0 = System.nanoTime();
                for (int attempt = 1; ; attempt++) {
                    if (attempt > 1) {
                        retried.incrementAndGet();
                    }
                    int status;
                    HttpResponse<String> response = null;
                    try {
                        response = http.send(HttpRequest.newBuilder(URI.create(lb + "/api/v2/tickets")).timeout(Duration.ofSeconds(10))
                                .header("Authorization", customer).header("Content-Type", "application/json").header("Idempotency-Key", key)
                                .POST(BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                    } catch (IOException e) {
                        status = -1;
                    }
                    if (status == 201) {
                        acknowledged.put(key, id(response.body()));
                        if (attempt > 1 && response.headers().firstValue("x-idempotency-lookup").orElse("").equals("hit")) {
                            replayed.incrementAndGet();
                        }
                        break;
                    }
                    if (status == -1 || status == 502 || status == 503 || status == 504 || status == 409) {
                        failedAtKill.incrementAndGet();
                        lastFailure.accumulateAndGet(System.nanoTime(), Math::max);
                        if (attempt == 40) {
                            refused.incrementAndGet();
                            break;
                        }
                        Thread.sleep(250);
                        continue;
                    }
                    refused.incrementAndGet();
                    System.out.println("refused: " + status + " " + response.body());
                    break;
                }
                took.add(System.nanoTime() - t0);
            }
            return took;
        }

        double percentile(int p) {
            if (latencies.isEmpty()) {
                return 0;
            }
            int i = Math.min(latencies.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * latencies.size()) - 1));
            return latencies.get(i) / 1e6;
        }
    }

    /** Milliseconds from now until HAProxy's stats show the server down (-1: not within 15 s). */
    long downAfter(String server) throws Exception {
        long from = System.nanoTime();
        while (System.nanoTime() - from < 15_000_000_000L) {
            if (serverStatus(server).startsWith("DOWN")) {
                return (System.nanoTime() - from) / 1_000_000;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    String serverStatus(String server) throws Exception {
        String csv = http.send(HttpRequest.newBuilder(URI.create(stats)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String line : csv.split("\n")) {
            String[] f = line.split(",", -1);
            if (f.length > 17 && f[0].equals("desks") && f[1].equals(server)) {
                return f[17];
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- rejoin

    void rejoin() throws Exception {
        Map<String, String> saved = new LinkedHashMap<>();
        for (String line : Files.readAllLines(state)) {
            int eq = line.indexOf('=');
            saved.put(line.substring(0, eq), line.substring(eq + 1));
        }
        String victim = saved.get("victim");
        long from = System.nanoTime();
        while (!serverStatus(victim).equals("UP") && System.nanoTime() - from < 60_000_000_000L) {
            Thread.sleep(100);
        }
        require(serverStatus(victim).equals("UP"), "HAProxy does not mark " + victim + " UP: " + serverStatus(victim));
        System.out.printf("rejoin: HAProxy marks %s UP %d ms after its readiness answered%n", victim, (System.nanoTime() - from) / 1_000_000);

        Set<String> servers = new TreeSet<>();
        int ok = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> me = send("GET", "/api/v2/users/me", admin, null, -1);
            ok += me.statusCode() == 200 ? 1 : 0;
            servers.add(servedBy(me));
        }
        require(ok == 20 && servers.contains(victim) && servers.size() == 2, ok + " of 20 requests answered 200, served by " + servers);
        System.out.printf("rejoin: %d of 20 requests answered 200, served by %s%n", ok, servers);

        Browser browser = new Browser(lb, http.connectTimeout().orElseThrow());
        browser.cookie = saved.get("cookie");
        boolean onVictim = false;
        for (int i = 0; i < 6 && !onVictim; i++) {
            HttpResponse<String> page = browser.get(saved.get("landing"));
            require(page.statusCode() == 200 && !Browser.isSignIn(page), "the signed-in page answered " + page.statusCode()
                    + " from " + servedBy(page));
            onVictim = servedBy(page).equals(victim);
        }
        require(onVictim, "the signed-in page was never served by " + victim);
        System.out.printf("rejoin: the page session signed in before the kill answers 200 on the restarted %s too%n", victim);

        // f. a ticket written through the balancer reaches the streaming replica
        String word = "streamed" + new Random().ints(10, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append); // one word no other ticket has, for the search below
        long ticket = id(send("POST", "/api/v2/tickets", admin, "{\"ticket\":{\"subject\":\"two-nodes replica " + word + "\",\"comment\":"
                + "{\"body\":\"streamed\"},\"ticket_form_id\":426148}}", 201).body());
        long created = System.nanoTime();
        boolean streamed = false;
        while (!streamed && System.nanoTime() - created < 5_000_000_000L) {
            streamed = psql(replicaPort, "select count(*) from tickets where id = " + ticket).equals("1");
            if (!streamed) {
                Thread.sleep(20);
            }
        }
        long lag = (System.nanoTime() - created) / 1_000_000;
        require(streamed, "ticket " + ticket + " is not on the replica after 5 s");
        String replay = psql(replicaPort, "select pg_is_in_recovery() || ' ' || coalesce(round(extract(epoch from now() - "
                + "pg_last_xact_replay_timestamp()) * 1000), 0)");
        System.out.printf("replica: ticket %d visible on the replica (in recovery: %s) within %d ms of its 201%n", ticket,
                replay.startsWith("t") ? "yes" : "NO", lag);
        require(replay.startsWith("t"), "the replica is not in recovery");

        // g. both nodes read search, queue counts and exports from the replica (PARTNERDESK_READ_REPLICA_URL): its health
        // group is UP on each, and search through the balancer finds the streamed ticket once the writer's 5 s have passed
        Set<String> replicaUp = new TreeSet<>();
        for (int i = 0; i < 40 && replicaUp.size() < 2; i++) {
            HttpResponse<String> health = send("GET", "/actuator/health/replica", admin, null, 0);
            require(health.statusCode() == 200 && health.body().contains("\"UP\""), "/actuator/health/replica answered "
                    + health.statusCode() + " from " + servedBy(health) + ": " + health.body());
            replicaUp.add(servedBy(health));
        }
        require(replicaUp.size() == 2, "the replica's health was seen UP on " + replicaUp + " only");
        Thread.sleep(5_500);
        HttpResponse<String> found = send("GET", "/api/v2/search?query=" + word, admin, null, 200);
        require(Pattern.compile("\"id\":" + ticket + "\\D").matcher(found.body()).find(), "search did not find ticket " + ticket + ": " + found.body());
        System.out.printf("replica: in use on %s; search through the balancer finds ticket %d%n", replicaUp, ticket);
    }

    // ---------------------------------------------------------------- plumbing

    /** Cookies, no redirects followed, the CSRF token of the last page sent with each form. */
    static final class Browser {
        static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        final CookieManager cookies = new CookieManager();
        final HttpClient http;
        final String base;
        String csrf = "";
        String landing = "/";
        String cookie; // a session cookie carried over from the failover run


        Browser(String base, Duration connect) {
            this.base = base;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).connectTimeout(connect)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
            if (cookie != null) {
                request.header("Cookie", "PARTNERDESK_SESSION=" + cookie);
            }
            try {
                return read(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException lost) { // a kept-alive connection from before the kill: a browser sends a GET again too
                return read(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            }
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return read(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString(form + "&_csrf=" + encode(csrf))).build(), HttpResponse.BodyHandlers.ofString()));
        }

        private HttpResponse<String> read(HttpResponse<String> response) {
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        String sessionCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("PARTNERDESK_SESSION"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no session cookie"));
        }

        static boolean isSignIn(HttpResponse<String> page) {
            return page.headers().firstValue("Location").orElse("").contains("/sign-in")
                    || page.body().contains("action=\"/sign-in\"");
        }
    }

    HttpResponse<String> patch(String upload, byte[] file, int from, int count) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(upload)).timeout(Duration.ofSeconds(30)).header("Tus-Resumable", "1.0.0")
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", Integer.toString(from))
                .method("PATCH", BodyPublishers.ofByteArray(file, from, count)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String auth, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lb + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)).header("Authorization", auth);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0 && response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    String psql(String port, String sql) throws Exception {
        return psql(port, "partnerdesk", sql);
    }

    String psql(String port, String database, String sql) throws Exception {
        Process p = new ProcessBuilder(System.getenv().getOrDefault("TWO_NODES_PSQL", "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", database, "-c", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql on " + port + ": " + out);
        }
        return out;
    }

    void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " from " + servedBy(response) + ": "
                    + response.body());
        }
    }

    void require(boolean holds, String otherwise) {
        if (!holds) {
            failures.add(otherwise);
        }
    }

    static String servedBy(HttpResponse<?> response) {
        return response.headers().firstValue("X-Served-By").orElse("?");
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    static long id(String json) {
        return Long.parseLong(match(ID.pattern(), json));
    }
}
