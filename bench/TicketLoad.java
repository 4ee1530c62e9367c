import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PartnerDesk's ticket-intake load generator: JDK only, loopback only, bounded in count and time.
 *
 *   java bench/TicketLoad.java seed URL ADMIN_EMAIL ADMIN_TOKEN ORGS USERS STATE_FILE
 *   java bench/TicketLoad.java load URL STATE_FILE SECONDS CLIENTS[,CLIENTS...]
 *
 * seed builds a directory through the API (customers with subscriptions, Open/Select/Alliance partners, their
 * users, one API token per partner user that submits) and writes what load needs to STATE_FILE.
 * load creates tickets on the four forms partners use (Open Partner on behalf of a customer, Select Partner,
 * Alliance Partner, Support for the partner's own work) and prints tickets/s and latency percentiles.
 */
public class TicketLoad {

    static final long SUPPORT = 426148L, OPEN = 360000818199L, SELECT = 360000837100L, ALLIANCE = 360001172559L;
    static final long ORG_EMAIL = 360012194200L, CUSTOMER_NAME = 360012167579L, ENGAGEMENT = 360012194240L,
            ALLIANCE_ID = 360012194280L;
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([0-9a-f]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: seed URL EMAIL TOKEN ORGS USERS STATE | load URL STATE SECONDS CLIENTS | capture URL STATE ROUNDS PAUSE_MS | count URL STATE CLIENTS TICKETS");
            System.exit(2);
        }
        requireLoopback(args[1]);
        switch (args[0]) {
            case "seed" -> seed(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), Path.of(args[6]));
            case "load" -> load(args[1], Path.of(args[2]), Integer.parseInt(args[3]),
                    Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray());
            case "capture" -> capture(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
            case "count" -> count(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("load tests target 127.0.0.1 only, not " + host);
        }
    }

    // ---------------------------------------------------------------- seed

    record Submitter(String email, String token, String kind) { }

    static void seed(String url, String email, String token, int orgs, int users, Path state) throws Exception {
        String admin = basic(email, token);
        joinSupportManagers(url, admin);
        int customers = orgs * 80 / 100, open = orgs * 15 / 100, select = orgs * 4 / 100;
        int alliance = Math.max(1, orgs - customers - open - select);
        long started = System.nanoTime();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String[] plans = {"premium", "ultimate", "starter", "free"};
        long[] orgIds = new long[orgs];
        String[] kinds = new String[orgs];
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < orgs; i++) {
                int n = i;
                String kind = n < customers ? "customer" : n < customers + open ? "open" : n < customers + open + select ? "select" : "alliance";
                kinds[n] = kind;
                work.add(pool.submit(() -> {
                    String type = kind.equals("customer") ? "customer" : "partner";
                    String track = kind.equals("customer") ? "null" : "\"" + kind + "\"";
                    String body = "{\"organization\":{\"name\":\"bench-" + run + "-" + n + "\",\"external_id\":\"bench-" + run + "-" + n
                            + "\",\"domain_names\":[\"o" + n + "-" + run + ".bench.test\"],\"organization_fields\":{\"org_type\":\"" + type
                            + "\",\"partner_track\":" + track + "}}}";
                    orgIds[n] = id(post(url + "/api/v2/organizations", admin, body, 201));
                    if (kind.equals("customer")) {
                        post(url + "/api/v2/subscriptions", admin, "{\"subscription\":{\"organization_id\":" + orgIds[n]
                                + ",\"plan\":\"" + plans[n % 4] + "\",\"seats\":25,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2030-12-31\"}}", 201);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            System.out.printf("seeded %d organizations in %.1f s%n", orgs, (System.nanoTime() - started) / 1e9);
            List<String> customerEmails = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Submitter> submitters = java.util.Collections.synchronizedList(new ArrayList<>());
            work.clear();
            for (int i = 0; i < users; i++) {
                int n = i;
                int org = n % orgs;
                work.add(pool.submit(() -> {
                    String userEmail = "u" + n + "@o" + org + "-" + run + ".bench.test";
                    long userId = id(post(url + "/api/v2/users", admin, "{\"user\":{\"name\":\"User " + n + "\",\"email\":\"" + userEmail
                            + "\",\"organization_id\":" + orgIds[org] + "}}", 201));
                    if (kinds[org].equals("customer")) {
                        customerEmails.add(userEmail);
                    } else if (n < orgs) { // the first user of each partner organization submits tickets
                        String reply = post(url + "/api/v2/api_tokens", admin, "{\"api_token\":{\"user_id\":" + userId
                                + ",\"description\":\"bench\"}}", 201);
                        Matcher m = TOKEN.matcher(reply);
                        if (!m.find()) {
                            throw new IllegalStateException("no token in " + reply);
                        }
                        submitters.add(new Submitter(userEmail, m.group(1), kinds[org]));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            StringBuilder out = new StringBuilder();
            for (Submitter s : submitters) {
                out.append("S ").append(s.kind()).append(' ').append(s.email()).append(' ').append(s.token()).append('\n');
            }
            for (String c : customerEmails) {
                out.append("C ").append(c).append('\n');
            }
            Files.writeString(state, out);
            System.out.printf("seeded %d users (%d partner submitters, %d customer contacts) in %.1f s%n",
                    users, submitters.size(), customerEmails.size(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** DIR-4: only support managers put people into alliance organizations, so the seeding admin joins them. */
    static void joinSupportManagers(String url, String admin) {
        long me = id(get(url + "/api/v2/users/me", admin));
        String groups = get(url + "/api/v2/groups", admin);
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"name\":\"Support Managers\"").matcher(groups);
        if (!m.find()) {
            throw new IllegalStateException("no Support Managers group in " + groups);
        }
        String reply = post(url + "/api/v2/group_memberships", admin, "{\"group_membership\":{\"user_id\":" + me
                + ",\"group_id\":" + m.group(1) + "}}", -1);
        if (!reply.contains("group_membership")) {
            throw new IllegalStateException("could not join Support Managers: " + reply);
        }
    }

    // ---------------------------------------------------------------- load

    record Directory(List<Submitter> open, List<Submitter> select, List<Submitter> alliance, List<String> customers) {
        static Directory read(Path state) throws IOException {
            List<Submitter> open = new ArrayList<>(), select = new ArrayList<>(), alliance = new ArrayList<>();
            List<String> customers = new ArrayList<>();
            for (String line : Files.readAllLines(state)) {
                String[] p = line.split(" ");
                if (p[0].equals("C")) {
                    customers.add(p[1]);
                } else {
                    Submitter s = new Submitter(p[2], p[3], p[1]);
                    (p[1].equals("open") ? open : p[1].equals("select") ? select : alliance).add(s);
                }
            }
            if (open.isEmpty() || select.isEmpty() || alliance.isEmpty() || customers.isEmpty()) {
                throw new IllegalStateException("the seed needs open, select and alliance submitters and customers");
            }
            return new Directory(open, select, alliance, customers);
        }
    }

    /** Issue #19: exactly {@code tickets} tickets at {@code clients} clients, no warm-up: what bench/intake-cost.sh divides by. */
    static void count(String url, Path state, int clients, int tickets) throws Exception {
        Directory d = Directory.read(state);
        Result r = run(url, d.open(), d.select(), d.alliance(), d.customers(), clients, Duration.ofHours(1), tickets);
        System.out.printf("tickets %d errors %d seconds %.1f tickets/s %.0f p99 %.2f ms%n", r.count, r.errors, r.seconds,
                r.count / r.seconds, r.percentile(99));
    }

    static void load(String url, Path state, int seconds, int[] levels) throws Exception {
        Directory d = Directory.read(state);
        List<Submitter> open = d.open(), select = d.select(), alliance = d.alliance();
        List<String> customers = d.customers();
        System.out.printf("directory: %d customer contacts, submitters %d open / %d select / %d alliance%n",
                customers.size(), open.size(), select.size(), alliance.size());
        if (!"false".equals(System.getProperty("warmup"))) {
            warmUp(url, open, select, alliance, customers); // bench/ceiling.sh's profiled level follows a warm run
        }
        System.out.println("| clients | tickets | errors | tickets/s | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int clients : levels) {
            Result r = run(url, open, select, alliance, customers, clients, Duration.ofSeconds(seconds), Integer.MAX_VALUE);
            System.out.printf("| %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n", clients, r.count, r.errors,
                    r.count / r.seconds, r.percentile(50), r.percentile(90), r.percentile(99), r.percentile(100));
        }
    }

    static void warmUp(String url, List<Submitter> open, List<Submitter> select, List<Submitter> alliance, List<String> customers) {
        // the JIT needs tens of thousands of requests before the figures settle
        Result r = run(url, open, select, alliance, customers, 8, Duration.ofSeconds(15), Integer.MAX_VALUE);
        System.out.printf("warm-up: %d tickets in %.0f s%n", r.count, r.seconds);
    }

    record Result(long count, long errors, double seconds, long[] latenciesNanos) {
        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int i = Math.min(latenciesNanos.length - 1, (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    static Result run(String url, List<Submitter> open, List<Submitter> select, List<Submitter> alliance, List<String> customers,
                      int clients, Duration duration, int maxTickets) {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicInteger issued = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed * 7919L + System.nanoTime());
                    long[] latencies = new long[1 << 16];
                    Connection connection = new Connection(URI.create(url));
                    int n = 0;
                    while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxTickets) {
                        Intake intake = intake(random.nextInt(SHAPES), random, open, select, alliance, customers);
                        Submitter s = intake.submitter();
                        String body = intake.body();
                        long t0 = System.nanoTime();
                        try {
                            int status = connection.post("/api/v2/tickets", basic(s.email(), s.token()), body);
                            if (connection.isClosing()) {
                                connection.close();
                                connection = new Connection(URI.create(url));
                            }
                            if (status != 201) {
                                errors.incrementAndGet();
                                continue;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            connection.close();
                            connection = new Connection(URI.create(url));
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    }
                    connection.close();
                    return Arrays.copyOf(latencies, n);
                }));
            }
            for (Future<long[]> f : futures) {
                perClient.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, errors.get(), seconds, all);
    }

    /** The load's four kinds of intake, drawn with equal weight: bench/ceiling.sh captures the SQL of one of each. */
    static final int SHAPES = 4;

    record Intake(Submitter submitter, String body) {}

    static Intake intake(int shape, Random random, List<Submitter> open, List<Submitter> select, List<Submitter> alliance,
                         List<String> customers) {
        Submitter s;
        String body;
        switch (shape) {
            case 0 -> {
                s = open.get(random.nextInt(open.size()));
                body = ticket(OPEN, "Pipeline fails", fields(ORG_EMAIL, customers.get(random.nextInt(customers.size())),
                        ENGAGEMENT, "on_behalf_of_customer"), "");
            }
            case 1 -> {
                s = select.get(random.nextInt(select.size()));
                body = ticket(SELECT, "Slow merges", fields(CUSTOMER_NAME, "Initech", ENGAGEMENT, "on_behalf_of_customer"), "");
            }
            case 2 -> {
                s = alliance.get(random.nextInt(alliance.size()));
                body = ticket(ALLIANCE, "Runner offline", fields(CUSTOMER_NAME, "Umbrella Corp", ALLIANCE_ID,
                        "ALLY-" + random.nextInt(100_000)), ",\"email_ccs\":[{\"user_email\":\""
                        + customers.get(random.nextInt(customers.size())) + "\"}]");
            }
            default -> {
                s = open.get(random.nextInt(open.size()));
                body = ticket(SUPPORT, "Our own instance", "", "");
            }
        }
        return new Intake(s, body);
    }

    /**
     * Issue #19: {@code rounds} intakes of each kind, one at a time with a pause after each for the work after commit, printing
     * when each was sent and answered (epoch ms), its JSON bytes and the new ticket's id, so bench/ceiling.sh can cut the
     * server's statement log per intake.
     */
    static void capture(String url, Path state, int rounds, long pauseMillis) throws Exception {
        Directory d = Directory.read(state);
        Random random = new Random(19L + System.nanoTime());
        for (int i = 0; i < rounds * SHAPES; i++) {
            int shape = i % SHAPES;
            Intake intake = intake(shape, random, d.open(), d.select(), d.alliance(), d.customers());
            long sent = System.currentTimeMillis();
            String answer = post(url + "/api/v2/tickets", basic(intake.submitter().email(), intake.submitter().token()), intake.body(), 201);
            long answered = System.currentTimeMillis();
            System.out.printf("intake %d %d %d %d %d %d %d%n", shape, sent, answered, 201,
                    intake.body().getBytes(StandardCharsets.UTF_8).length, answer.getBytes(StandardCharsets.UTF_8).length, id(answer));
            Thread.sleep(pauseMillis);
        }
    }

    static String ticket(long form, String subject, String fields, String extra) {
        return "{\"ticket\":{\"subject\":\"" + subject + "\",\"comment\":{\"body\":\"Seen since the upgrade; logs attached later.\"},"
                + "\"ticket_form_id\":" + form + ",\"priority\":\"normal\",\"custom_fields\":[" + fields + "]" + extra + "}}";
    }

    static String fields(Object... idValue) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < idValue.length; i += 2) {
            parts.add("{\"id\":" + idValue[i] + ",\"value\":\"" + idValue[i + 1] + "\"}");
        }
        return String.join(",", parts);
    }

    // ---------------------------------------------------------------- http

    /**
     * One keep-alive HTTP/1.1 connection on a plain socket. The JDK's HttpClient cost the load generator half a
     * millisecond of CPU per request, a quarter of this two-core machine, taken from the desk it measures.
     */
    static final class Connection implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.InputStream in;
        private final String host;
        private final byte[] buffer = new byte[65536];
        private boolean closing;

        Connection(URI url) {
            try {
                socket = new java.net.Socket(url.getHost(), url.getPort());
                socket.setTcpNoDelay(true);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                host = url.getHost() + ":" + url.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends a POST and reads the whole answer; returns its status. */
        int post(String path, String authorization, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true; // Tomcat ends a keep-alive connection after 100 requests
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        boolean isClosing() {
            return closing;
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, bytes));
                if (read < 0) {
                    throw new IOException("connection closed");
                }
                bytes -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we are done with
            }
        }
    }

    static String basic(String email, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
    }

    static String post(String url, String authorization, String body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && response.statusCode() != expected) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String get(String url, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
