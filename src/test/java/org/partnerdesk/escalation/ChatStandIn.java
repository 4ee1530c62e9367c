package org.partnerdesk.escalation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpServer;

/**
 * TKT-8: a chat service's incoming webhook, on loopback for each test (register it with {@code @RegisterExtension}).
 * {@code /hook} keeps what it is sent (after any failures asked for), {@code /gone} answers 404. The desk calls loopback
 * only with {@code partnerdesk.webhooks.allow-internal-addresses=true}.
 */
public final class ChatStandIn implements BeforeEachCallback, AfterEachCallback {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private HttpServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.incrementAndGet();
            int status = failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/gone", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop(0);
    }

    /** The address of {@code path} ("/hook" or "/gone") on this stand-in. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The messages {@code /hook} accepted, in order. */
    public List<String> received() {
        return received;
    }

    /** How many times {@code /hook} was called, accepted or not. */
    public int calls() {
        return calls.get();
    }

    /** The next {@code count} calls of {@code /hook} answer 500. */
    public void failNext(int count) {
        failuresToServe.set(count);
    }

    /** The first accepted message containing {@code text}, waiting up to 15 s for it. */
    public String awaitMessage(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            for (String message : received) {
                if (message.contains(text)) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no chat message containing " + text + "; got " + received);
    }
}
