package org.partnerdesk.attachment.uploader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;

/** A tus 1.0.0 client for tests, on the JDK's HTTP client; {@link #interruptedPatch} breaks a body off halfway. */
final class TusClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TusClient() {
    }

    static Reply options(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).method("OPTIONS", BodyPublishers.noBody()));
    }

    static Reply create(String linkUrl, long length, String fileName) {
        return create(linkUrl, String.valueOf(length), "filename " + base64(fileName));
    }

    static Reply create(String linkUrl, String length, String metadata) {
        return send(tus(linkUrl).header("Upload-Length", length).header("Upload-Metadata", metadata)
                .POST(BodyPublishers.noBody()));
    }

    static Reply head(String uploadUrl) {
        return send(tus(uploadUrl).method("HEAD", BodyPublishers.noBody()));
    }

    static Reply patch(String uploadUrl, long offset, byte[] bytes) {
        return patch(uploadUrl, offset, BodyPublishers.ofByteArray(bytes));
    }

    /** A PATCH whose body has no declared length (chunked), so only what arrives tells how long it is. */
    static Reply patchChunked(String uploadUrl, long offset, Supplier<InputStream> body) {
        return patch(uploadUrl, offset, BodyPublishers.ofInputStream(body));
    }

    static Reply patch(String uploadUrl, long offset, BodyPublisher body) {
        return send(tus(uploadUrl).header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", String.valueOf(offset)).method("PATCH", body));
    }

    static Reply delete(String uploadUrl) {
        return send(tus(uploadUrl).DELETE());
    }

    /** Announces {@code declared} bytes, sends {@code sent}, and hangs up: a connection that drops mid-upload. */
    static void interruptedPatch(String uploadUrl, long offset, long declared, byte[] sent) throws IOException, InterruptedException {
        URI uri = URI.create(uploadUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nTus-Resumable: 1.0.0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: " + offset + "\r\nContent-Length: " + declared
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
            Thread.sleep(200);
        }
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder tus(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Tus-Resumable", "1.0.0");
    }

    private static Reply send(HttpRequest.Builder request) {
        return Reply.of(ApiClient.exchange(HTTP, request.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
