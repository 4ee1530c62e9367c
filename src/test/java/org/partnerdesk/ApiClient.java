package org.partnerdesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running desk, as one caller (or as nobody). */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final @Nullable String authorization;
    private final Map<String, String> headers;

    private ApiClient(String baseUrl, @Nullable String authorization, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.headers = headers;
    }

    public static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null, Map.of());
    }

    /** Zendesk-style basic auth: {@code email/token:TOKEN}. */
    public static ApiClient withToken(String baseUrl, String email, String token) {
        String basic = Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(baseUrl, "Basic " + basic, Map.of());
    }

    public static ApiClient withBearer(String baseUrl, String token) {
        return new ApiClient(baseUrl, "Bearer " + token, Map.of());
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, authorization, more);
    }

    public ApiClient withAuthorization(String header) {
        return new ApiClient(baseUrl, header, headers);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, @Nullable String json) {
        return sendBody(method, path, json == null ? null : "application/json",
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    /** POST of a body that is not JSON, such as a CSV file (DIR-7 CRM import). */
    public Reply post(String path, byte[] body, String contentType) {
        return sendBody("POST", path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A raw body, as {@code POST /api/v2/uploads} takes it (FILE-1); a publisher of unknown length goes chunked. */
    public Reply sendBody(String method, String path, @Nullable String contentType, HttpRequest.BodyPublisher body) {
        return sendBody(method, path, contentType, body, false);
    }

    /** The same; with {@code expectContinue} the body goes only after the server's 100 Continue. */
    public Reply sendBody(String method, String path, @Nullable String contentType, HttpRequest.BodyPublisher body,
                          boolean expectContinue) {
        HttpRequest.Builder request = request(path).method(method, body).expectContinue(expectContinue);
        if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) { // a test may ask for another answer
            request.header("Accept", "application/json");
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return Reply.of(exchange(HTTP, request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A download: the status, the headers and the bytes as they came. */
    public HttpResponse<byte[]> getBytes(String path) {
        return exchange(HTTP, request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends and waits, for tests: an I/O failure or an interrupt fails the test unchecked. */
    public static <T> HttpResponse<T> exchange(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        return request;
    }

    /** An answer: status, raw body, the body as JSON, headers. */
    public record Reply(int status, String text, Map<String, java.util.List<String>> headers) {

        public static Reply of(HttpResponse<String> response) {
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        }

        public JsonNode json() {
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        }

        public JsonNode at(String pointer) {
            return json().at(pointer);
        }

        public long id(String root) {
            return json().get(root).get("id").longValue();
        }

        public @Nullable String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
