package org.partnerdesk.attachment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.attachment.Uploads.chunked;
import static org.partnerdesk.attachment.Uploads.upload;
import static org.partnerdesk.attachment.Uploads.withLength;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.attachment.Attachments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** FILE-1 standard attachments: uploads, comments that attach them, the 20 MB limit, hostile input, the sweep. */
class UploadApiTest extends ApiTest {

    private static final long LIMIT = 20L * 1024 * 1024;

    @Autowired
    JdbcClient db;

    @Autowired
    Attachments attachments;

    @Value("${partnerdesk.data-dir}")
    Path dataDir;

    @Test
    void uploadAnswersZendesksShapeAndASecondFileJoinsTheSameToken() {
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply first = upload(ann.api(), "crash log.txt", "text/plain", "runner crashed".getBytes(StandardCharsets.UTF_8));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String token = first.at("/upload/token").stringValue();
        assertThat(token).hasSize(32);
        Instant expiresAt = Instant.parse(first.at("/upload/expires_at").stringValue());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(59 * 60), Instant.now().plusSeconds(61 * 60));
        JsonNode file = first.at("/upload/attachment");
        assertThat(file.get("file_name").stringValue()).isEqualTo("crash log.txt");
        assertThat(file.get("content_type").stringValue()).isEqualTo("text/plain");
        assertThat(file.get("size").longValue()).isEqualTo(14);
        assertThat(file.get("sha256").stringValue()).isEqualTo(sha256("runner crashed".getBytes(StandardCharsets.UTF_8)));
        assertThat(file.get("content_url").stringValue()).isEqualTo(baseUrl() + "/api/v2/attachments/" + file.get("id").longValue() + "/content");
        assertThat(first.at("/upload/attachments/0/id").longValue()).isEqualTo(file.get("id").longValue());

        Reply second = upload(ann.api(), "screen.png", token, "image/png", HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}));

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.at("/upload/token").stringValue()).isEqualTo(token);
        assertThat(second.at("/upload/attachments").size()).isEqualTo(2);
        assertThat(second.at("/upload/attachment/file_name").stringValue()).isEqualTo("screen.png");
    }

    @Test
    void aCommentNamingTheTokenAttachesTheFilesAndTheTicketsReadersDownloadThem() {
        Account ann = desk.endUserIn(desk.aCustomer());
        byte[] log = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
        String token = upload(ann.api(), "runner.log", "text/plain", log).at("/upload/token").stringValue();

        Reply created = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner","comment":{"body":"log attached","uploads":["%s"]},"ticket_form_id":%d}}"""
                .formatted(token, SUPPORT_FORM));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long ticket = created.id("ticket");
        JsonNode attached = ann.api().get("/api/v2/tickets/" + ticket + "/comments").at("/comments/0/attachments/0");
        assertThat(attached.get("file_name").stringValue()).isEqualTo("runner.log");
        assertThat(attached.get("size").longValue()).isEqualTo(log.length);
        assertThat(attached.get("sha256").stringValue()).as("docs/api.md: the attachment shape has the file's SHA-256")
                .isEqualTo(sha256(log));

        HttpResponse<byte[]> download = desk.agent().api().getBytes(attached.get("content_url").stringValue());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(log);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(log.length));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"runner.log\"; filename*=UTF-8''runner.log");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        String second = upload(ann.api(), "more.txt", "text/plain", "more".getBytes(StandardCharsets.UTF_8)).at("/upload/token").stringValue();
        Reply reply = ann.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"comment":{"body":"and another","uploads":["%s"]}}}""".formatted(second));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode comments = ann.api().get("/api/v2/tickets/" + ticket + "/comments").at("/comments");
        assertThat(comments.get(1).at("/attachments/0/file_name").stringValue()).isEqualTo("more.txt");
    }

    @Test
    void someoneElsesTokenIsRefusedAndNothingChanges() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account bob = desk.endUserIn(desk.aCustomer());
        String bobsToken = upload(bob.api(), "secret.txt", "text/plain", "bob's".getBytes(StandardCharsets.UTF_8))
                .at("/upload/token").stringValue();
        long ticketsBefore = count("tickets");

        Reply refused = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b","uploads":["%s"]},"ticket_form_id":%d}}""".formatted(bobsToken, SUPPORT_FORM));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/uploads/0/description").stringValue()).contains("is not one of your uploads");
        assertThat(count("tickets")).isEqualTo(ticketsBefore);
        assertThat(upload(ann.api(), "x.txt", bobsToken, "text/plain", HttpRequest.BodyPublishers.ofString("x")).status()).isEqualTo(422);

        long ticket = file(ann.api());
        long commentsBefore = commentsOf(ticket);
        Reply onUpdate = ann.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"comment":{"body":"mine now","uploads":["%s"]}}}""".formatted(bobsToken));
        assertThat(onUpdate.status()).as(onUpdate.toString()).isEqualTo(422);
        assertThat(commentsOf(ticket)).isEqualTo(commentsBefore);
        assertThat(db.sql("select comment_id from uploads where token = ?").param(bobsToken).query(Long.class).optional()).isEmpty();
    }

    @Test
    void anExpiredOrAlreadyUsedTokenIsRefused() {
        Account ann = desk.endUserIn(desk.aCustomer());
        String token = upload(ann.api(), "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8)).at("/upload/token").stringValue();
        db.sql("update uploads set expires_at = now() - interval '1 minute' where token = ?").param(token).update();

        Reply expired = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b","uploads":["%s"]},"ticket_form_id":%d}}""".formatted(token, SUPPORT_FORM));

        assertThat(expired.status()).as(expired.toString()).isEqualTo(422);
        assertThat(expired.at("/details/uploads/0/description").stringValue()).contains("expired at");
        assertThat(upload(ann.api(), "b.txt", token, "text/plain", HttpRequest.BodyPublishers.ofString("b")).at("/details/token/0/description")
                .stringValue()).contains("expired at");

        String fresh = upload(ann.api(), "c.txt", "text/plain", "c".getBytes(StandardCharsets.UTF_8)).at("/upload/token").stringValue();
        long ticket = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b","uploads":["%s"]},"ticket_form_id":%d}}""".formatted(fresh, SUPPORT_FORM)).id("ticket");
        Reply reused = ann.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"comment":{"body":"again","uploads":["%s"]}}}""".formatted(fresh));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.at("/details/uploads/0/description").stringValue()).contains("already attached");
    }

    // FILE-1
    @Test
    void aFileOverTwentyMegabytesIsRefusedWith413BeforeItIsReadAndNothingIsStored() throws IOException {
        Account ann = desk.endUserIn(desk.aCustomer());
        long rows = count("attachments");
        long files = storedFiles();

        var sent = new java.util.concurrent.atomic.AtomicLong();
        Reply declared = ann.api().sendBody("POST", "/api/v2/uploads?filename=big.iso", "application/octet-stream",
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> counted(LIMIT + 1, sent)),
                        LIMIT + 1), true);

        assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
        assertThat(declared.at("/error").stringValue()).isEqualTo("RequestEntityTooLarge");
        assertThat(declared.at("/description").stringValue()).contains("20 MB", "FILE-1", "Support Uploader", "upload_links", "3 GB");
        assertThat(sent.get()).as("bytes the client had to send").isZero();
        assertThat(count("attachments")).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);

        Reply withoutExpect = upload(ann.api(), "big.iso", null, "application/octet-stream", withLength(LIMIT + 1));
        assertThat(withoutExpect.status()).as(withoutExpect.toString()).isEqualTo(413);
        assertThat(count("attachments")).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);
    }

    // FILE-1
    @Test
    void aChunkedBodyIsCountedAsItArrivesAndRefusedPastTheLimit() throws IOException {
        Account ann = desk.endUserIn(desk.aCustomer());
        long rows = count("attachments");
        long files = storedFiles();

        Reply chunkedTooBig = upload(ann.api(), "big.iso", null, "application/octet-stream", chunked(LIMIT + 1));

        assertThat(chunkedTooBig.status()).as(chunkedTooBig.toString()).isEqualTo(413);
        assertThat(chunkedTooBig.at("/description").stringValue()).contains("Support Uploader");
        assertThat(count("attachments")).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);

        Reply exactlyTheLimit = upload(ann.api(), "fits.iso", null, "application/octet-stream", chunked(LIMIT));
        assertThat(exactlyTheLimit.status()).as(exactlyTheLimit.toString()).isEqualTo(201);
        assertThat(exactlyTheLimit.at("/upload/attachment/size").longValue()).isEqualTo(LIMIT);
    }

    @Test
    void fileNamesThatArePathsHideCharactersOrRunPast255BytesAreRefused() throws IOException {
        Account ann = desk.endUserIn(desk.aCustomer());
        long files = storedFiles();
        for (String name : new String[] {"../../etc/passwd", "..\\x", "a/b.txt", "..", "bell\u0007.txt", "line\nbreak.txt",
                "invoice\u202Etxt.exe", "é".repeat(128), " "}) {
            Reply refused = upload(ann.api(), name, "text/plain", "x".getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as(name + ": " + refused).isEqualTo(422);
            assertThat(refused.at("/details/filename/0/description").isMissingNode()).as(name).isFalse();
        }
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(upload(ann.api(), "é".repeat(127) + ".", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        // the standard uploads' own folder: the Support Uploader's in-flight files live beside it
        try (var walk = Files.walk(dataDir.resolve("files/attachments"))) {
            assertThat(walk.filter(Files::isRegularFile)).allMatch(p -> p.getFileName().toString().matches("[a-z0-9-]+"));
        }
    }

    // decision: an empty file is refused; it tells an agent nothing and is mostly a client that lost its file
    @Test
    void anEmptyFileIsRefused() {
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply empty = upload(ann.api(), "empty.txt", "text/plain", new byte[0]);
        Reply emptyChunked = upload(ann.api(), "empty.txt", null, "text/plain", chunked(0));

        assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
        assertThat(empty.at("/details/file/0/description").stringValue()).contains("empty");
        assertThat(emptyChunked.status()).as(emptyChunked.toString()).isEqualTo(422);
    }

    @Test
    void aFileClaimingToBeHarmlessIsStillServedAsADownloadNeverAsAPage() {
        Account ann = desk.endUserIn(desk.aCustomer());
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

        Reply asHtml = upload(ann.api(), "invoice.pdf", "text/html", html);
        Reply asGeneric = upload(ann.api(), "page.html", "application/octet-stream", html);

        assertThat(asHtml.at("/upload/attachment/content_type").stringValue()).isEqualTo("text/html");
        assertThat(asGeneric.at("/upload/attachment/content_type").stringValue()).isEqualTo("text/html");
        for (Reply reply : new Reply[] {asHtml, asGeneric}) {
            HttpResponse<byte[]> served = ann.api().getBytes(reply.at("/upload/attachment/content_url").stringValue());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
            assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        }
        Reply quoted = upload(ann.api(), "say \"hi\";.txt", "text/plain", html);
        HttpResponse<byte[]> served = ann.api().getBytes(quoted.at("/upload/attachment/content_url").stringValue());
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"say _hi_;.txt\"; filename*=UTF-8''say%20%22hi%22%3B.txt");
    }

    @Test
    void aFormEncodedBodyIsStoredAsSentNotParsedAsAForm() {
        Account ann = desk.endUserIn(desk.aCustomer());
        byte[] content = "a=1&b=2".getBytes(StandardCharsets.UTF_8);

        Reply reply = upload(ann.api(), "data.csv", "application/x-www-form-urlencoded", content);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.at("/upload/attachment/content_type").stringValue()).isEqualTo("text/csv");
        assertThat(ann.api().getBytes(reply.at("/upload/attachment/content_url").stringValue()).body()).isEqualTo(content);
        assertThat(upload(ann.api(), "x.txt", null, "multipart/form-data; boundary=x", HttpRequest.BodyPublishers.ofString("--x--")).status())
                .isEqualTo(415);
        assertThat(ann.api().sendBody("POST", "/api/v2/uploads", "text/plain", HttpRequest.BodyPublishers.ofString("x")).status())
                .isEqualTo(400);
    }

    @Test
    void anUploadDeclaredAsJsonByAClientThatDefaultsToItTakesItsTypeFromTheFileName() {
        Account ann = desk.endUserIn(desk.aCustomer());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        Reply image = upload(ann.api(), "screen.png", "application/json", png);
        Reply withCharset = upload(ann.api(), "notes.txt", "application/json; charset=UTF-8", "n".getBytes(StandardCharsets.UTF_8));
        Reply unknown = upload(ann.api(), "core.dump", "application/json", "x".getBytes(StandardCharsets.UTF_8));
        Reply realJson = upload(ann.api(), "config.json", "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(image.status()).as(image.toString()).isEqualTo(201);
        assertThat(image.at("/upload/attachment/content_type").stringValue()).isEqualTo("image/png");
        assertThat(ann.api().getBytes(image.at("/upload/attachment/content_url").stringValue()).body()).isEqualTo(png);
        assertThat(withCharset.at("/upload/attachment/content_type").stringValue()).isEqualTo("text/plain");
        assertThat(unknown.at("/upload/attachment/content_type").stringValue()).isEqualTo("application/octet-stream");
        assertThat(realJson.at("/upload/attachment/content_type").stringValue()).isEqualTo("application/json");
    }

    @Test
    void theUploaderDeletesAnUnusedUploadAndItsFiles() throws IOException {
        Account ann = desk.endUserIn(desk.aCustomer());
        Reply uploaded = upload(ann.api(), "oops.txt", "text/plain", "wrong file".getBytes(StandardCharsets.UTF_8));
        String token = uploaded.at("/upload/token").stringValue();
        long files = storedFiles();

        assertThat(desk.endUserIn(desk.aCustomer()).api().delete("/api/v2/uploads/" + token).status()).isEqualTo(404);
        Reply deleted = ann.api().delete("/api/v2/uploads/" + token);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(ann.api().getBytes(uploaded.at("/upload/attachment/content_url").stringValue()).statusCode()).isEqualTo(404);
        assertThat(storedFiles()).isEqualTo(files - 1);
        assertThat(ann.api().delete("/api/v2/uploads/" + token).status()).isEqualTo(404);
    }

    @Test
    void theSweepRemovesExpiredUnusedUploadsWithTheirFilesAndLeavesAttachedOnesAlone() throws IOException {
        Account ann = desk.endUserIn(desk.aCustomer());
        String unused = upload(ann.api(), "unused.txt", "text/plain", "u".getBytes(StandardCharsets.UTF_8)).at("/upload/token").stringValue();
        String used = upload(ann.api(), "used.txt", "text/plain", "v".getBytes(StandardCharsets.UTF_8)).at("/upload/token").stringValue();
        ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b","uploads":["%s"]},"ticket_form_id":%d}}""".formatted(used, SUPPORT_FORM));
        String unusedKey = db.sql("select storage_key from attachments a join uploads u on u.id = a.upload_id where u.token = ?")
                .param(unused).query(String.class).single();
        long files = storedFiles();

        int removed = attachments.removeExpired(Instant.now().plusSeconds(61 * 60));

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(db.sql("select count(*) from uploads where token = ?").param(unused).query(Long.class).single()).isZero();
        assertThat(db.sql("select count(*) from uploads where token = ?").param(used).query(Long.class).single()).isOne();
        assertThat(Files.exists(dataDir.resolve("files").resolve(unusedKey))).isFalse();
        assertThat(storedFiles()).isLessThanOrEqualTo(files - 1);
    }

    private static java.io.InputStream counted(long size, java.util.concurrent.atomic.AtomicLong sent) {
        return new java.io.FilterInputStream(org.partnerdesk.attachment.Uploads.generated(size)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                sent.addAndGet(Math.max(n, 0));
                return n;
            }
        };
    }

    private long file(ApiClient api) {
        return api.post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d}}""".formatted(SUPPORT_FORM)).id("ticket");
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long commentsOf(long ticket) {
        return db.sql("select count(*) from ticket_comments where ticket_id = ?").param(ticket).query(Long.class).single();
    }

    private long storedFiles() throws IOException {
        Path root = dataDir.resolve("files/attachments");
        if (!Files.exists(root)) {
            return 0;
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
