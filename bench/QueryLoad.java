import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PartnerDesk's read-path load generator (issue #4): JDK only, loopback only, bounded in time.
 *
 *   java bench/QueryLoad.java URL ADMIN_EMAIL ADMIN_TOKEN SECONDS CLIENTS[,CLIENTS...]
 *
 * For each scenario (agent queue first page, a filtered queue, keyword searches) it warms up for 3 s, then runs each
 * client count for SECONDS, every client issuing the same GET back to back as an agent (the admin token), and prints
 * requests/s and latency percentiles as a Markdown table. Any non-200 answer counts as an error.
 */
public class QueryLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Scenario(String name, String path) { }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: URL EMAIL TOKEN SECONDS CLIENTS[,CLIENTS...]");
            System.exit(2);
        }
        String url = args[0];
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("load tests target 127.0.0.1 only, not " + host);
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + "/token:" + args[2]).getBytes(StandardCharsets.UTF_8));
        int seconds = Integer.parseInt(args[3]);
        int[] levels = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        List<Scenario> scenarios = new ArrayList<>(List.of(
                new Scenario("queue new,open by SLA due, first page", "/api/v2/views/tickets?status=new,open&sort=sla_due&page[size]=25"),
                new Scenario("queue new,open + group_id=" + System.getProperty("group", "?"),
                        "/api/v2/views/tickets?status=new,open&sort=sla_due&page[size]=25&group_id=" + System.getProperty("group", "1")),
                new Scenario("queue new,open + flag=clarify", "/api/v2/views/tickets?status=new,open&sort=sla_due&page[size]=25&flag=clarify")));
        if (System.getProperty("organization") != null) {
            scenarios.add(new Scenario("queue new,open + organization_id=" + System.getProperty("organization"),
                    "/api/v2/views/tickets?status=new,open&sort=sla_due&page[size]=25&organization_id=" + System.getProperty("organization")));
        }
        // issue #17 item 6: ticket metrics are computed on read, a page of 100 in four statements; first page and one deep in
        String deep = Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + System.getProperty("metricsAfter", "500000"))
                .getBytes(StandardCharsets.UTF_8));
        scenarios.add(new Scenario("ticket_metrics, first page of 100", "/api/v2/ticket_metrics?page[size]=100"));
        scenarios.add(new Scenario("ticket_metrics, page of 100 after id " + System.getProperty("metricsAfter", "500000"),
                "/api/v2/ticket_metrics?page[size]=100&page[after]=" + deep));
        scenarios.add(new Scenario("tickets/{id}/metrics", "/api/v2/tickets/" + System.getProperty("metricsTicket", "1000") + "/metrics"));
        for (String q : System.getProperty("searches", "host4244|\"connection refused\" host1236|grafana deadlock|timeout").split("\\|")) {
            scenarios.add(new Scenario("search " + q, "/api/v2/search?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        }
        // issue #17: -Dpaths="name=>path|name=>path" measures those GETs instead of the queues and searches above
        if (System.getProperty("paths") != null) {
            scenarios.clear();
            for (String named : System.getProperty("paths").split("\\|")) {
                String[] parts = named.split("=>", 2);
                scenarios.add(new Scenario(parts[0], parts[1]));
            }
        }
        System.out.println("| scenario | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Scenario scenario : scenarios) {
            int warmup = Integer.getInteger("warmup", 3); // issue #19: bench/queue-ceiling.sh warms up apart, so its CPU is not counted
            if (warmup > 0) {
                run(url + scenario.path(), auth, 1, warmup); // warm-up, not reported
            }
            for (int clients : levels) {
                long cpu = processCpuNanos();
                Result r = run(url + scenario.path(), auth, clients, seconds);
                if (Boolean.getBoolean("clientCpu")) {
                    // issue #19: what the load generator itself costs per request, on the same two cores as the desk
                    System.err.printf("client CPU ms/request: %.3f%n", (processCpuNanos() - cpu) / 1e6 / Math.max(1, r.count()));
                }
                System.out.printf("| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n", scenario.name(), clients, r.count(),
                        r.errors(), r.count() / (double) seconds, r.pct(50), r.pct(95), r.pct(99), r.pct(100));
            }
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    record Result(long[] nanos, int count, long errors) {
        double pct(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            int i = Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }
    }

    static Result run(String url, String auth, int clients, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Accept", "application/json").GET().build();
        List<Future<long[]>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long[] own = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < until) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                if (errors.incrementAndGet() == 1) {
                                    System.err.println(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = System.nanoTime() - start;
                    }
                    return Arrays.copyOf(own, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> f : futures) {
                long[] part = f.get();
                int at = all.length;
                all = Arrays.copyOf(all, at + part.length);
                System.arraycopy(part, 0, all, at, part.length);
            }
            Arrays.sort(all);
            return new Result(all, all.length, errors.get());
        }
    }
}
