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
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #17 item 3 bulk benchmark: JDK only, loopback only.
 *
 *   java bench/BulkLoad.java URL ADMIN_EMAIL ADMIN_TOKEN ROUNDS
 *
 * Times, ROUNDS times after WARMUP warm-up rounds (system property, default 2), POST /api/v2/users/create_many with 100 new users and
 * PUT /api/v2/tickets/update_many with a change to each of 100 tickets, from the request until its job status reads
 * completed (polled every 5 ms), and prints the median and best: users/s (target >= 2,000, i.e. 100 in <= 50 ms) and
 * ms per 100 tickets (target <= 1,000); then 30 create_many requests of 100 users back to back (Zendesk's limit of queued
 * jobs), each answered before the next is sent, timed from the first request until all 30 read completed: the throughput.
 */
public class BulkLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":(\"?)([0-9a-f]+)\\1");
    static String url;
    static int pollMillis;
    static String auth;

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: URL ADMIN_EMAIL ADMIN_TOKEN ROUNDS");
            System.exit(2);
        }
        url = args[0];
        if (!URI.create(url).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("the bench runs against 127.0.0.1 only: " + url);
        }
        auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + "/token:" + args[2]).getBytes(StandardCharsets.UTF_8));
        int rounds = Integer.parseInt(args[3]);
        int warmup = Integer.getInteger("warmup", 2);
        pollMillis = Integer.getInteger("poll", 5);

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> createMany = new ArrayList<>();
        for (int round = 0; round < rounds + warmup; round++) {
            StringBuilder users = new StringBuilder("{\"users\":[");
            for (int i = 0; i < 100; i++) {
                String email = "bulk-" + run + "-" + round + "-" + i + "@bulk-bench.test";
                users.append(i == 0 ? "" : ",").append("{\"name\":\"Bulk ").append(i).append("\",\"email\":\"").append(email)
                        .append("\",\"external_id\":\"bulk-").append(run).append('-').append(round).append('-').append(i).append("\"}");
            }
            long nanos = timeJob("POST", "/api/v2/users/create_many", users.append("]}").toString());
            if (round >= warmup) {
                createMany.add(nanos);
            }
        }

        // back to back: 30 create_many requests (Zendesk's limit of queued jobs), each answered before the next is sent,
        // from the first request until show_many reads all 30 completed (polled every 20 ms): the desk's bulk throughput
        int backToBack = 30;
        List<String> queuedIds = new ArrayList<>();
        long pipelineStart = System.nanoTime();
        for (int job = 0; job < backToBack; job++) {
            StringBuilder users = new StringBuilder("{\"users\":[");
            for (int i = 0; i < 100; i++) {
                String email = "pipe-" + run + "-" + job + "-" + i + "@bulk-bench.test";
                users.append(i == 0 ? "" : ",").append("{\"name\":\"Pipe ").append(i).append("\",\"email\":\"").append(email).append("\"}");
            }
            Matcher id = ID.matcher(send("POST", "/api/v2/users/create_many", users.append("]}").toString(), 200));
            id.find();
            queuedIds.add(id.group(2));
        }
        while (true) {
            String jobs = send("GET", "/api/v2/job_statuses/show_many?ids=" + String.join(",", queuedIds), null, 200);
            int completed = jobs.split("\"status\":\"completed\"", -1).length - 1;
            if (completed == backToBack) {
                if (jobs.contains("\"Failed\"")) {
                    throw new IllegalStateException("a record failed: " + jobs);
                }
                break;
            }
            if (System.nanoTime() - pipelineStart > 120_000_000_000L) {
                throw new IllegalStateException("the back-to-back jobs did not complete in 120 s");
            }
            Thread.sleep(20);
        }
        long pipelineNanos = System.nanoTime() - pipelineStart;

        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String created = send("POST", "/api/v2/tickets", "{\"ticket\":{\"subject\":\"Bulk " + i
                    + "\",\"comment\":{\"body\":\"For update_many\"},\"ticket_form_id\":426148}}", 201);
            tickets.add(firstId(created));
        }
        List<Long> updateMany = new ArrayList<>();
        for (int round = 0; round < rounds + warmup; round++) {
            String status = round % 2 == 0 ? "pending" : "open";
            StringBuilder body = new StringBuilder("{\"tickets\":[");
            for (int i = 0; i < tickets.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"id\":").append(tickets.get(i)).append(",\"status\":\"").append(status)
                        .append("\",\"tags\":[\"bulk-").append(round).append("\"]}");
            }
            long nanos = timeJob("PUT", "/api/v2/tickets/update_many", body.append("]}").toString());
            if (round >= warmup) {
                updateMany.add(nanos);
            }
        }

        System.out.printf("create_many, 100 users: median %.1f ms (%,.0f users/s), best %.1f ms (%,.0f users/s); target >= 2,000 users/s%n",
                ms(median(createMany)), 100 / (median(createMany) / 1e9), ms(Collections.min(createMany)),
                100 / (Collections.min(createMany) / 1e9));
        System.out.printf("create_many back to back, %d jobs of 100 users: %.0f ms from the first request to all completed (%,.0f users/s)%n",
                backToBack, ms(pipelineNanos), backToBack * 100 / (pipelineNanos / 1e9));
        System.out.printf("update_many, 100 tickets: median %.1f ms, best %.1f ms; target <= 1,000 ms%n",
                ms(median(updateMany)), ms(Collections.min(updateMany)));
        ANSWERED.forEach((path, nanos) -> System.out.printf("%s answered (job queued): median %.1f ms%n", path,
                ms(median(nanos.subList(nanos.size() - rounds, nanos.size())))));
    }

    // how long each bulk request took to answer (job stored, not yet run), by path: the part of the total before the job
    static final Map<String, List<Long>> ANSWERED = new java.util.HashMap<>();

    /** From the request to the job status reading completed, with every record's result a success. */
    static long timeJob(String method, String path, String body) throws Exception {
        long start = System.nanoTime();
        String queued = send(method, path, body, 200);
        ANSWERED.computeIfAbsent(path, p -> new ArrayList<>()).add(System.nanoTime() - start);
        Matcher id = ID.matcher(queued);
        if (!id.find()) {
            throw new IllegalStateException("no job status in " + queued);
        }
        while (true) {
            String job = send("GET", "/api/v2/job_statuses/" + id.group(2), null, 200);
            if (job.contains("\"status\":\"completed\"")) {
                long nanos = System.nanoTime() - start;
                if (job.contains("\"Failed\"")) {
                    throw new IllegalStateException("a record failed: " + job);
                }
                return nanos;
            }
            if (System.nanoTime() - start > 60_000_000_000L) {
                throw new IllegalStateException("the job did not complete in 60 s: " + job);
            }
            Thread.sleep(pollMillis);
        }
    }

    static String send(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static long firstId(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(id.group(2));
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
