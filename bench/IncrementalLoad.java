import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #17 item 1: walks the whole cursor-based incremental ticket export, as a sync connector does, and prints
 * tickets/s. JDK only, loopback only, bounded in time; one page (up to 1000 tickets) in memory at a time.
 *
 *   java bench/IncrementalLoad.java URL ADMIN_EMAIL ADMIN_TOKEN [MAX_SECONDS] [PATH]
 *
 * PATH defaults to the cursor export from start_time=0; give /api/v2/incremental/tickets.json?start_time=0 for the
 * time-based one (it follows next_page until end_of_stream). Exits 1 on a non-200 answer or when MAX_SECONDS pass.
 */
public class IncrementalLoad {

    private static final Pattern TICKET = Pattern.compile("\"url\":\"[^\"]*/api/v2/tickets/\\d+\\.json\"");
    private static final Pattern AFTER_URL = Pattern.compile("\"after_url\":\"([^\"]+)\"");
    private static final Pattern NEXT_PAGE = Pattern.compile("\"next_page\":\"([^\"]+)\"");
    private static final Pattern END = Pattern.compile("\"end_of_stream\":(true|false)");

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: URL EMAIL TOKEN [MAX_SECONDS] [PATH]");
            System.exit(2);
        }
        String url = args[0];
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("load tests target 127.0.0.1 only, not " + host);
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + "/token:" + args[2]).getBytes(StandardCharsets.UTF_8));
        long maxNanos = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 300).toNanos();
        String next = url + (args.length > 4 ? args[4] : "/api/v2/incremental/tickets/cursor.json?start_time=0");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long tickets = 0, bytes = 0, pages = 0;
        List<Long> pageMillis = new ArrayList<>();
        long started = System.nanoTime();
        while (true) {
            long pageStart = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(next)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth).header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (response.statusCode() != 200) {
                System.err.println(response.statusCode() + " " + body.substring(0, Math.min(500, body.length())));
                System.exit(1);
            }
            pages++;
            bytes += body.length();
            Matcher ticket = TICKET.matcher(body);
            while (ticket.find()) {
                tickets++;
            }
            pageMillis.add((System.nanoTime() - pageStart) / 1_000_000);
            Matcher end = END.matcher(body);
            if (!end.find()) {
                System.err.println("no end_of_stream in the answer");
                System.exit(1);
            }
            if (end.group(1).equals("true")) {
                break;
            }
            Matcher after = AFTER_URL.matcher(body);
            Matcher nextPage = NEXT_PAGE.matcher(body);
            next = after.find() ? after.group(1) : nextPage.find() ? nextPage.group(1) : null;
            if (next == null) {
                System.err.println("neither after_url nor next_page in the answer");
                System.exit(1);
            }
            if (System.nanoTime() - started > maxNanos) {
                System.err.printf("stopped after %d s: %d tickets in %d pages so far%n", maxNanos / 1_000_000_000L, tickets, pages);
                System.exit(1);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Collections.sort(pageMillis);
        System.out.println("| tickets | pages | seconds | tickets/s | MB | page p50 ms | page p95 ms | page max ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %d | %.1f | %.0f | %.0f | %d | %d | %d |%n", tickets, pages, seconds, tickets / seconds, bytes / 1e6,
                pageMillis.get(pageMillis.size() / 2), pageMillis.get((int) (pageMillis.size() * 0.95)), pageMillis.getLast());
    }
}
