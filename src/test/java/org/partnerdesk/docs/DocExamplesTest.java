package org.partnerdesk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.TestDataDir;
import org.partnerdesk.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #12: every curl example of the README and docs/api.md runs, in order, against a fresh desk with the demo data,
 * and answers 2xx, or the status its comment names ({@code # 422 …}). A doc example that breaks fails the build.
 * Tokens are minted for the e-mail each example signs in as; words in capitals that name an earlier answer's record
 * ({@code TICKET_ID}, {@code NFR_REQUEST_ID}, {@code UPLOAD_TOKEN}, {@code UPLOAD_LINK_URL}, {@code UPLOAD_URL}) take
 * that answer's value, and
 * {@code TOKEN_FROM_THE_MAIL} the token of the newest sign-in invitation the desk mailed (to a real SMTP server here),
 * {@code TOKEN_FROM_THE_CONFIRMATION_MAIL} that of the newest e-mail confirmation of a request made without a sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partnerdesk.embedded.ephemeral=true",
        "partnerdesk.admin.email=" + ApiTest.ADMIN_EMAIL,
        "partnerdesk.admin.token=" + ApiTest.ADMIN_TOKEN,
        "partnerdesk.demo-data=true"
})
class DocExamplesTest {

    private static final List<String> PAGES = List.of("README.md", "docs/api.md");
    private static final Path FILES = Path.of("src/test/resources/docs-examples");
    private static final String DOCUMENTED_DESK = "http://localhost:8080";
    private static final Pattern TOKEN_USER = Pattern.compile("^(.+)/token:.*$", Pattern.DOTALL);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Placeholder of a mailed token, and the table whose unused, unrevoked row takes it. */
    private static final Map<String, String> MAILED_TOKENS = Map.of(
            "TOKEN_FROM_THE_MAIL", "sign_in_invitations where revoked_at is null and",
            "TOKEN_FROM_THE_CONFIRMATION_MAIL", "email_confirmations where");
    private static final Pattern INVITATION_TOKEN = Pattern.compile("\"token\":\"([0-9a-f]{64})\"");
    private static final GreenMail MAIL = startMail();

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient db;

    @DynamicPropertySource
    static void dataDirAndMail(DynamicPropertyRegistry registry) {
        registry.add("partnerdesk.data-dir", () -> TestDataDir.PATH.toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("partnerdesk.smtp.starttls", () -> "false"); // GreenMail speaks plain SMTP
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    private final Map<String, String> minted = new HashMap<>();
    private final Map<String, String> answered = new LinkedHashMap<>();

    @Test
    void everyExampleOfTheReadmeAndTheApiGuideAnswersAsDocumented() throws IOException {
        List<String> broken = new ArrayList<>();
        int ran = 0;
        for (String page : PAGES) {
            Map<String, String> variables = new HashMap<>();
            for (ShellExamples.Block block : ShellExamples.blocks(Files.readString(Path.of(page)), page)) {
                List<ShellExamples.Command> curls = new ArrayList<>();
                ShellExamples.each(block, variables, command -> {
                    if (command.words().getFirst().equals("curl")) {
                        curls.add(command);
                    }
                });
                for (ShellExamples.Command curl : curls) {
                    ran++;
                    String problem = run(CurlRequest.of(curl, FILES));
                    if (problem != null) {
                        broken.add(problem);
                    }
                }
            }
        }
        assertThat(broken).as("examples that do not answer as documented").isEmpty();
        assertThat(ran).as("curl examples found").isGreaterThan(20);
    }

    private String run(CurlRequest curl) {
        String url = placeholders(curl.url().replace(DOCUMENTED_DESK, base()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "*/*");
        boolean accept = false;
        for (String[] header : curl.headers()) {
            String value = placeholders(header[1]);
            if (header[0].equalsIgnoreCase("Authorization") && value.startsWith("Bearer ")) {
                value = "Bearer " + ApiTest.ADMIN_TOKEN; // the README's $T: the token the desk printed for its admin
            }
            if (header[0].equalsIgnoreCase("Accept")) {
                accept = true;
            }
            request.setHeader(header[0], value);
        }
        if (!accept) {
            request.setHeader("Accept", "*/*");
        }
        if (curl.user() != null) {
            request.setHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials(curl.user()).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] body = curl.body() == null ? null : placeholders(new String(curl.body(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        request.method(curl.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = ApiClient.exchange(HTTP, request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response.body());
        // FILE-2: a tus creation answers where the upload lives
        response.headers().firstValue("Location").filter(l -> l.contains("/uploader/"))
                .ifPresent(location -> answered.put("UPLOAD_URL", location));
        int status = response.statusCode();
        boolean asDocumented = curl.expectedStatus() != null ? status == curl.expectedStatus() : status / 100 == 2;
        // a documented refusal names its rule and links to its explanation on the rules page
        boolean namesItsRule = curl.expectedRule() == null || response.body().contains("\"error\":\"" + curl.expectedRule()
                + "\",\"help\":\"" + base() + "/docs/rules.md#" + curl.expectedRule().toLowerCase(Locale.ROOT) + "\"");
        return asDocumented && namesItsRule ? null : curl.where() + " " + curl.method() + " " + url + " answered " + status
                + (curl.expectedStatus() != null ? " instead of " + curl.expectedStatus() + " " + curl.expectedRule() : "")
                + ": " + response.body();
    }

    // an API token in an example (email/token:ANYTHING) is replaced by a real one of that user, made for this run
    private String credentials(String user) {
        Matcher token = TOKEN_USER.matcher(user);
        if (!token.matches()) {
            return user;
        }
        String email = token.group(1);
        String real = email.equals(ApiTest.ADMIN_EMAIL) ? ApiTest.ADMIN_TOKEN : minted.computeIfAbsent(email, this::mint);
        return email + "/token:" + real;
    }

    private String mint(String email) {
        ApiClient admin = ApiClient.withToken(base(), ApiTest.ADMIN_EMAIL, ApiTest.ADMIN_TOKEN);
        JsonNode found = admin.get("/api/v2/users/search?query=" + email).at("/users/0/id");
        assertThat(found.isNumber()).as("an example signs in as %s, who is not in the demo data", email).isTrue();
        String token = ApiTokens.newToken();
        tokens.store(found.longValue(), token, "docs examples");
        return token;
    }

    // TICKET_ID, NFR_REQUEST_ID … : the id of the last record of that kind an example created or showed
    private void remember(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return;
        }
        for (Map.Entry<String, JsonNode> root : json.properties()) {
            JsonNode id = root.getValue().get("id");
            // a job status's id is text; webhook ids are strings of digits, as Zendesk's (issue #17)
            if (root.getValue().isObject() && id != null && (id.isNumber() || id.isString() && (root.getKey().equals("job_status")
                    || id.stringValue().matches("\\d{1,18}")))) {
                answered.put(root.getKey().toUpperCase() + "_ID", id.asString());
            }
        }
        // issue #17: COMMENT_ID, the first comment of the last list of comments
        if (json.at("/comments/0/id").isNumber()) {
            answered.put("COMMENT_ID", json.at("/comments/0/id").asString());
        }
        if (json.at("/upload/token").isString()) {
            answered.put("UPLOAD_TOKEN", json.at("/upload/token").stringValue());
        }
        if (json.at("/upload_link/url").isString()) {
            answered.put("UPLOAD_LINK_URL", json.at("/upload_link/url").stringValue());
        }
    }

    private String placeholders(String text) {
        MAILED_TOKENS.forEach((placeholder, table) -> {
            if (text.contains(placeholder)) {
                answered.put(placeholder, mailedToken(table));
            }
        });
        String replaced = text;
        for (Map.Entry<String, String> value : answered.entrySet()) {
            replaced = replaced.replaceAll("\\b" + value.getKey() + "\\b", value.getValue());
        }
        return replaced;
    }

    /** PO-1, PO-2: each delivery attempt mints a new token, so the newest one the database still takes is the one. */
    private String mailedToken(String table) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            try {
                MimeMessage[] messages = MAIL.getReceivedMessages();
                for (int i = messages.length - 1; i >= 0; i--) {
                    Matcher token = INVITATION_TOKEN.matcher(String.valueOf(messages[i].getContent()));
                    if (token.find() && isUsable(table, token.group(1))) {
                        return token.group(1);
                    }
                }
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no usable token was mailed for " + table);
    }

    private boolean isUsable(String table, String token) {
        return db.sql("select count(*) from " + table + " token_hash = sha256(convert_to(?, 'UTF8')) and used_at is null")
                .param(token).query(Integer.class).single() == 1;
    }

    private static GreenMail startMail() {
        try (var smtp = new java.net.ServerSocket(0)) {
            ServerSetup setup = new ServerSetup(smtp.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            smtp.close();
            GreenMail mail = new GreenMail(setup);
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
