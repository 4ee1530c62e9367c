import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FILE-2, FILE-3 Support Uploader throughput: JDK only, loopback only. Makes a ticket and an upload link, then sends
 * generated files of the given sizes with tus 1.0 (PATCHes of CHUNK_MB) and prints MB/s and the desk's heap, sampled
 * every 250 ms from /actuator/prometheus (jvm_memory_used_bytes, area="heap"). The expected SHA-256 is computed
 * before the clock starts, and checked against what the desk lists in uploaded_files.
 *
 *   java bench/UploadLoad.java URL ADMIN_EMAIL ADMIN_TOKEN CHUNK_MB SIZE_MB[,SIZE_MB...]
 */
public class UploadLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final long MB = 1L << 20;
    static final byte[] BLOCK = new byte[1 << 20];

    static {
        new Random(7).nextBytes(BLOCK);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("load tests target 127.0.0.1 only, not " + host);
        }
        String admin = "Basic " + Base64.getEncoder().encodeToString((args[1] + "/token:" + args[2]).getBytes(StandardCharsets.UTF_8));
        long chunk = Long.parseLong(args[3]) * MB;
        String run = Long.toString(System.currentTimeMillis(), 36);
        long org = id(send("POST", url + "/api/v2/organizations", admin, "{\"organization\":{\"name\":\"upload-" + run
                + "\",\"domain_names\":[\"" + run + ".upload.test\"],\"organization_fields\":{\"org_type\":\"customer\"}}}", 201));
        long user = id(send("POST", url + "/api/v2/users", admin, "{\"user\":{\"name\":\"Uploader\",\"email\":\"u@" + run
                + ".upload.test\",\"organization_id\":" + org + "}}", 201));
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(send("POST", url + "/api/v2/api_tokens", admin,
                "{\"api_token\":{\"user_id\":" + user + ",\"description\":\"bench\"}}", 201));
        token.find();
        String customer = "Basic " + Base64.getEncoder().encodeToString(("u@" + run + ".upload.test/token:" + token.group(1))
                .getBytes(StandardCharsets.UTF_8));
        long ticket = id(send("POST", url + "/api/v2/tickets", customer, "{\"ticket\":{\"subject\":\"Big file\",\"comment\":{\"body\":"
                + "\"Here it comes\"},\"ticket_form_id\":426148}}", 201));
        Matcher link = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(send("POST", url + "/api/v2/tickets/" + ticket + "/upload_links",
                admin, "{}", 201));
        link.find();
        String linkUrl = link.group(1);

        for (String size : args[4].split(",")) {
            long length = Long.parseLong(size) * MB;
            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            try (InputStream all = new Generated(0, length, expected)) {
                all.transferTo(java.io.OutputStream.nullOutputStream());
            }
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(linkUrl)).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", Long.toString(length))
                    .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(("bench-" + size + "MB.bin").getBytes()))
                    .POST(BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("creation answered " + created.statusCode() + " " + created.body());
            }
            String upload = created.headers().firstValue("Location").orElseThrow();
            HeapSampler heap = new HeapSampler(url, admin);
            Thread sampler = Thread.ofPlatform().daemon().start(heap);
            long started = System.nanoTime();
            long lastPatch = 0;
            for (long offset = 0; offset < length; offset += chunk) {
                long from = offset;
                long count = Math.min(chunk, length - offset);
                long patchStarted = System.nanoTime();
                HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(URI.create(upload)).header("Tus-Resumable", "1.0.0")
                        .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", Long.toString(offset))
                        .method("PATCH", BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> new Generated(from, count, null)), count))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (patched.statusCode() != 204) {
                    throw new IllegalStateException("PATCH at " + offset + " answered " + patched.statusCode() + " " + patched.body());
                }
                lastPatch = System.nanoTime() - patchStarted;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            heap.stop();
            sampler.join();
            String files = send("GET", url + "/api/v2/tickets/" + ticket + "/uploaded_files", admin, null, 200);
            String sha = HexFormat.of().formatHex(expected.digest());
            if (!files.contains(sha)) {
                throw new IllegalStateException("the desk does not list SHA-256 " + sha + ": " + files);
            }
            System.out.printf("%,d MB in %.1f s: %.0f MB/s (last PATCH incl. hashing into the store %.1f s); SHA-256 matches%n",
                    length / MB, seconds, length / MB / seconds, lastPatch / 1e9);
            System.out.printf("  desk heap used (%d samples): min %d MB, median %d MB, max %d MB, of max heap %d MB%n",
                    heap.samples.size(), heap.percentile(0) / MB, heap.percentile(50) / MB, heap.percentile(100) / MB, heap.max / MB);
        }
    }

    /** Samples the desk's used heap from its Prometheus scrape. */
    static final class HeapSampler implements Runnable {
        final String url;
        final String admin; // metrics are an admin's (#10 item 12)
        final List<Long> samples = new ArrayList<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        long max;

        HeapSampler(String url, String admin) {
            this.url = url;
            this.admin = admin;
        }

        public void run() {
            Pattern used = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",[^}]*\\} ([0-9.E+]+)");
            Pattern limit = Pattern.compile("jvm_memory_max_bytes\\{area=\"heap\",[^}]*\\} ([0-9.E+-]+)");
            while (running.get()) {
                try {
                    String text = send("GET", url + "/actuator/prometheus", admin, null, 200);
                    long total = 0;
                    Matcher m = used.matcher(text);
                    while (m.find()) {
                        total += (long) Double.parseDouble(m.group(1));
                    }
                    long ceiling = 0;
                    Matcher l = limit.matcher(text);
                    while (l.find()) {
                        ceiling += Math.max(0, (long) Double.parseDouble(l.group(1)));
                    }
                    synchronized (samples) {
                        samples.add(total);
                        max = ceiling;
                    }
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample is not a result
                }
            }
        }

        void stop() {
            running.set(false);
        }

        long percentile(int p) {
            synchronized (samples) {
                List<Long> sorted = samples.stream().sorted().toList();
                return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
            }
        }
    }

    /** {@code length} bytes from {@code from} on, made on the fly from a 1 MB block. */
    static final class Generated extends InputStream {
        long position;
        final long end;
        final MessageDigest digest;

        Generated(long from, long length, MessageDigest digest) {
            this.position = from;
            this.end = from + length;
            this.digest = digest;
        }

        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        public int read(byte[] buffer, int offset, int wanted) {
            if (position >= end) {
                return -1;
            }
            int at = (int) (position % BLOCK.length);
            int count = (int) Math.min(Math.min(wanted, BLOCK.length - at), end - position);
            System.arraycopy(BLOCK, at, buffer, offset, count);
            if (at == 0) {
                buffer[offset] ^= (byte) (position / BLOCK.length);
            }
            if (digest != null) {
                digest.update(buffer, offset, count);
            }
            position += count;
            return count;
        }
    }

    static String send(String method, String url, String auth, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static long id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
