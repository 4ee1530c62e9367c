package org.partnerdesk.attachment.uploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FILE-2 Support Uploader over real HTTP: links on tickets, the tus 1.0 protocol on them, and what hostile input gets. */
@ExtendWith(OutputCaptureExtension.class)
class SupportUploaderTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Autowired
    UploaderCleanup cleanup;

    @Value("${partnerdesk.data-dir}")
    Path dataDir;

    // --- links (FILE-2, SPEC 7) ---

    @Test
    void anAgentMakesAnUploadLinkThatLivesFortyEightHours() {
        Ticket ticket = aTicket();
        Instant before = Instant.now();

        Reply made = desk.agent().api().post("/api/v2/tickets/" + ticket.id + "/upload_links", "{}");

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.at("/upload_link/id").isIntegralNumber()).isTrue();
        assertThat(made.at("/upload_link/url").stringValue()).matches("http://localhost:" + port + "/uploader/[0-9a-f]{64}");
        assertThat(Instant.parse(made.at("/upload_link/expires_at").stringValue()))
                .isBetween(before.plus(Duration.ofHours(48)).minusSeconds(1), Instant.now().plus(Duration.ofHours(48)));
        Reply listed = desk.agent().api().get("/api/v2/tickets/" + ticket.id + "/upload_links");
        assertThat(listed.at("/upload_links/0/state").stringValue()).isEqualTo("active");
        assertThat(listed.text()).doesNotContain(made.at("/upload_link/url").stringValue());
    }

    @Test
    void endUsersStrangersAndOtherOrganizationsCannotMakeOrListLinks() { // FILE-2: agents only
        Ticket ticket = aTicket();
        String path = "/api/v2/tickets/" + ticket.id + "/upload_links";

        assertThat(ticket.requester.post(path, "{}").status()).isEqualTo(403);
        assertThat(desk.stranger().api().post(path, "{}").status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aPartner("select")).api().post(path, "{}").status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aCustomer()).api().post(path, "{}").status()).isEqualTo(403);
        assertThat(desk.anonymous().post(path, "{}").status()).isEqualTo(401);
        assertThat(ticket.requester.get(path).status()).isEqualTo(403);
        assertThat(desk.anonymous().get(path).status()).isEqualTo(401);
        assertThat(desk.agent().api().post("/api/v2/tickets/999999999/upload_links", "{}").status()).isEqualTo(404);
        assertThat(count("upload_links where ticket_id = " + ticket.id)).isZero();
    }

    @Test
    void uploadedFilesAreListedForWhoeverCanReadTheTicketOnly() {
        Ticket ticket = aTicket();
        String path = "/api/v2/tickets/" + ticket.id + "/uploaded_files";

        assertThat(ticket.requester.get(path).status()).isEqualTo(200);
        assertThat(desk.agent().api().get(path).status()).isEqualTo(200);
        assertThat(desk.stranger().api().get(path).status()).isIn(403, 404);
        assertThat(desk.endUserIn(desk.aPartner("open")).api().get(path).status()).isIn(403, 404);
        assertThat(desk.endUserIn(desk.aCustomer()).api().get(path).status()).isIn(403, 404);
        assertThat(desk.anonymous().get(path).status()).isEqualTo(401);
    }

    // --- tus 1.0 (FILE-2) ---

    @Test
    void optionsNamesTheProtocolItsExtensionsAndTheThreeGigabyteLimit() {
        Reply options = TusClient.options(link(aTicket()));

        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(options.header("Tus-Version")).isEqualTo("1.0.0");
        assertThat(options.header("Tus-Extension")).isEqualTo("creation,termination");
        assertThat(options.header("Tus-Max-Size")).isEqualTo(String.valueOf(3L * 1024 * 1024 * 1024));
    }

    @Test
    void anInterruptedUploadContinuesFromItsOffsetAndTheFinishedFileIsHashedListedAndNoted() throws Exception {
        Ticket ticket = aTicket();
        byte[] file = bytes(700_000);
        String upload = created(TusClient.create(link(ticket), file.length, "crash dump.tar.gz"));

        assertThat(TusClient.patch(upload, 0, slice(file, 0, 100_000)).header("Upload-Offset")).isEqualTo("100000");
        TusClient.interruptedPatch(upload, 100_000, 600_000, slice(file, 100_000, 400_000));
        long offset = awaitOffset(upload, 400_000);
        assertThat(offset).isEqualTo(400_000); // everything that arrived before the connection dropped was kept
        assertThat(TusClient.head(upload).header("Upload-Length")).isEqualTo("700000");
        Reply last = TusClient.patch(upload, offset, slice(file, (int) offset, file.length));

        assertThat(last.status()).as(last.toString()).isEqualTo(204);
        assertThat(last.header("Upload-Offset")).isEqualTo("700000");
        Reply files = ticket.requester.get("/api/v2/tickets/" + ticket.id + "/uploaded_files");
        assertThat(files.at("/uploaded_files/0/file_name").stringValue()).isEqualTo("crash dump.tar.gz");
        assertThat(files.at("/uploaded_files/0/size").longValue()).isEqualTo(700_000);
        assertThat(files.at("/uploaded_files/0/sha256").stringValue()).isEqualTo(sha256(file));
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket.id + "/comments").text())
                .contains("file received: crash dump.tar.gz, 700000 bytes, SHA-256 " + sha256(file));
        byte[] downloaded = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(files.at("/uploaded_files/0/content_url").stringValue()))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (ADMIN_EMAIL + "/token:" + ADMIN_TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(sha256(downloaded)).isEqualTo(sha256(file));
        assertThat(stagedFiles()).noneMatch(name -> name.startsWith(upload.substring(upload.lastIndexOf('/') + 1)));
        assertThat(TusClient.head(upload).header("Upload-Offset")).isEqualTo("700000");
    }

    @Test
    void offsetsThatDoNotMatchAreRefusedWithConflictAndChangeNothing() {
        String upload = created(TusClient.create(link(aTicket()), 1000, "a.log"));
        TusClient.patch(upload, 0, bytes(300));

        Reply behind = TusClient.patch(upload, 0, bytes(300));
        Reply ahead = TusClient.patch(upload, 600, bytes(300));

        assertThat(behind.status()).isEqualTo(409);
        assertThat(behind.at("/error").stringValue()).isEqualTo("OffsetMismatch");
        assertThat(ahead.status()).isEqualTo(409);
        assertThat(TusClient.head(upload).header("Upload-Offset")).isEqualTo("300");
    }

    @Test
    void aBodyPastTheEndIsRefusedWholeWithOrWithoutAContentLength() throws Exception {
        Ticket ticket = aTicket();
        byte[] file = bytes(600_000);
        String upload = created(TusClient.create(link(ticket), file.length, "a.log"));
        TusClient.patch(upload, 0, slice(file, 0, 100_000));

        Reply declared = TusClient.patch(upload, 100_000, bytes(500_001));
        Reply chunked = TusClient.patchChunked(upload, 100_000, () -> new ByteArrayInputStream(bytes(900_000)));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(TusClient.head(upload).header("Upload-Offset")).isEqualTo("100000");
        assertThat(count("uploaded_files where ticket_id = " + ticket.id)).isZero();
        // the refused body was written in part before it went past the end; none of it may reach the stored file
        assertThat(TusClient.patch(upload, 100_000, slice(file, 100_000, file.length)).status()).isEqualTo(204);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket.id + "/uploaded_files").at("/uploaded_files/0/sha256").stringValue())
                .isEqualTo(sha256(file));
    }

    @Test
    void aFinishedUploadCannotBeCompletedAgainOrTerminated() {
        Ticket ticket = aTicket();
        String upload = created(TusClient.create(link(ticket), 10, "a.log"));
        assertThat(TusClient.patch(upload, 0, bytes(10)).status()).isEqualTo(204);

        Reply again = TusClient.patch(upload, 10, bytes(1));
        Reply replay = TusClient.patch(upload, 0, bytes(10));
        Reply empty = TusClient.patch(upload, 10, new byte[0]);
        Reply terminated = TusClient.delete(upload);

        assertThat(again.status()).isEqualTo(409);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(empty.status()).isEqualTo(409);
        assertThat(terminated.status()).isEqualTo(409);
        assertThat(count("uploaded_files where ticket_id = " + ticket.id)).isOne();
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket.id + "/comments").json().get("comments").valueStream()
                .filter(comment -> comment.get("body").stringValue().startsWith("file received")).count()).isOne();
    }

    @Test
    void terminationDropsAnUnfinishedUploadAndItsStagedBytes() {
        String upload = created(TusClient.create(link(aTicket()), 1000, "a.log"));
        TusClient.patch(upload, 0, bytes(100));
        String key = upload.substring(upload.lastIndexOf('/') + 1);

        assertThat(TusClient.delete(upload).status()).isEqualTo(204);

        assertThat(TusClient.head(upload).status()).isEqualTo(410);
        assertThat(stagedFiles()).noneMatch(name -> name.startsWith(key));
    }

    @Test
    void creationChecksLengthAndFileNameWithTheSameRefusalsAsTheUploadsApi() { // FILE-1, FILE-2: 422 for content, 400/412 for protocol
        String link = link(aTicket());
        long before = count("tus_uploads");

        assertThat(TusClient.create(link, 3L * 1024 * 1024 * 1024 + 1, "big.iso").status()).isEqualTo(413);
        Reply empty = TusClient.create(link, 0, "empty.txt");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
        assertThat(empty.at("/error").stringValue()).isEqualTo("RecordInvalid");
        assertThat(empty.at("/details/file/0/error").stringValue()).isEqualTo("blank");
        assertThat(TusClient.create(link, "-5", "filename " + TusClient.base64("a")).status()).isEqualTo(400);
        assertThat(TusClient.create(link, "ten", "filename " + TusClient.base64("a")).status()).isEqualTo(400);
        assertThat(TusClient.create(link, "10", "").at("/error").stringValue()).isEqualTo("InvalidUploadMetadata");
        assertThat(TusClient.create(link, "10", "filename !!!not-base64").status()).isEqualTo(400);
        Reply hostile = TusClient.create(link, 10, "evil\u0007name.txt");
        assertThat(hostile.status()).as(hostile.toString()).isEqualTo(422);
        assertThat(hostile.at("/error").stringValue()).isEqualTo("RecordInvalid");
        assertThat(hostile.at("/details/filename/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(TusClient.create(link, 10, "line\nbreak.txt").status()).isEqualTo(422);
        assertThat(TusClient.create(link, 10, "invoice\u202Etxt.exe").status()).isEqualTo(422);
        // the same characters as POST /api/v2/uploads refuses: C1 controls and zero-width formatting too
        assertThat(TusClient.create(link, 10, "next\u0085line.txt").status()).isEqualTo(422);
        assertThat(TusClient.create(link, 10, "zero\u200Bwidth.txt").status()).isEqualTo(422);
        assertThat(TusClient.create(link, 10, "../..").status()).isEqualTo(422);
        assertThat(TusClient.create(link, "10", "filename ").status()).isEqualTo(422);
        assertThat(TusClient.create(link, 10, "x".repeat(256)).status()).isEqualTo(422);
        assertThat(count("tus_uploads")).isEqualTo(before);
    }

    @Test
    void aClientThatHangsUpMidPatchKeepsItsBytesAndLogsOneInfoLineNoError(CapturedOutput output) throws Exception { // FILE-2
        byte[] file = bytes(300_000);
        String upload = created(TusClient.create(link(aTicket()), file.length, "hung-up.bin"));

        TusClient.interruptedPatch(upload, 0, file.length, slice(file, 0, 120_000));

        assertThat(awaitOffset(upload, 120_000)).isEqualTo(120_000);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!output.getOut().contains("the client broke off its PATCH at 120000 of 300000 bytes") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(output.getOut()).contains("the client broke off its PATCH at 120000 of 300000 bytes");
        assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ") || line.contains("Unexpected error")))
                .as("no ERROR line for a client that hung up").isEmpty();
        Reply rest = TusClient.patch(upload, 120_000, slice(file, 120_000, file.length));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(204);
        assertThat(rest.header("Upload-Offset")).isEqualTo("300000");
    }

    @Test
    void pathTraversalNamesKeepOnlyTheirLastPartAndNothingLeavesTheStorageRoot() throws Exception {
        Ticket ticket = aTicket();
        String upload = created(TusClient.create(link(ticket), 5, "../../../../etc/passwd"));
        String windows = created(TusClient.create(link(ticket), 5, "..\\..\\boot.ini"));
        TusClient.patch(upload, 0, bytes(5));
        TusClient.patch(windows, 0, bytes(5));

        Reply files = desk.admin.get("/api/v2/tickets/" + ticket.id + "/uploaded_files");
        assertThat(files.at("/uploaded_files/0/file_name").stringValue()).isEqualTo("passwd");
        assertThat(files.at("/uploaded_files/1/file_name").stringValue()).isEqualTo("boot.ini");
        String key = db.sql("select storage_key from uploaded_files where ticket_id = ? order by id limit 1").param(ticket.id)
                .query(String.class).single();
        assertThat(key).matches("uploader/ticket-" + ticket.id + "/[0-9a-f]{32}");
        assertThat(Files.exists(dataDir.resolve("files").resolve(key))).isTrue();
    }

    @Test
    void protocolMistakesAreRefused() {
        String link = link(aTicket());
        String upload = created(TusClient.create(link, 10, "a.log"));

        Reply noVersion = ApiClient.anonymous(baseUrl()).send("POST", link, null);
        Reply wrongType = ApiClient.anonymous(baseUrl()).withHeader("Tus-Resumable", "1.0.0").withHeader("Upload-Offset", "0")
                .send("PATCH", upload, "{}");

        assertThat(noVersion.status()).isEqualTo(412);
        assertThat(noVersion.header("Tus-Version")).isEqualTo("1.0.0");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(TusClient.head(upload).header("Upload-Offset")).isEqualTo("0");
    }

    @Test
    void unknownLinksAndUploadsAreNotFound() {
        String link = link(aTicket());
        String other = link(aTicket());
        String upload = created(TusClient.create(link, 10, "a.log"));
        String key = upload.substring(upload.lastIndexOf('/') + 1);

        assertThat(TusClient.create(baseUrl() + "/uploader/" + "0".repeat(64), 10, "a").status()).isEqualTo(404);
        assertThat(TusClient.create(baseUrl() + "/uploader/..%2f..%2fetc", 10, "a").status()).isIn(400, 404);
        assertThat(TusClient.head(link + "/" + "0".repeat(32)).status()).isEqualTo(404);
        assertThat(TusClient.head(other + "/" + key).status()).isEqualTo(404); // an upload answers only under its own link
        assertThat(TusClient.patch(link + "/nothex", 0, bytes(1)).status()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkAnswersGone() {
        Ticket ticket = aTicket();
        String link = link(ticket);
        String upload = created(TusClient.create(link, 10, "a.log"));
        db.sql("update upload_links set expires_at = now() - interval '1 second' where ticket_id = ?").param(ticket.id).update();

        Reply create = TusClient.create(link, 10, "b.log");
        Reply patch = TusClient.patch(upload, 0, bytes(10));

        assertThat(create.status()).isEqualTo(410);
        assertThat(create.at("/error").stringValue()).isEqualTo("Gone");
        assertThat(create.at("/description").stringValue()).contains("expired");
        assertThat(patch.status()).isEqualTo(410);
        assertThat(TusClient.head(upload).status()).isEqualTo(410);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket.id + "/upload_links").at("/upload_links/0/state").stringValue())
                .isEqualTo("expired");
    }

    @Test
    void closingTheTicketEndsItsLinksAndTheCleanUpRemovesItsFiles() throws Exception {
        Ticket ticket = aTicket();
        String link = link(ticket);
        String done = created(TusClient.create(link, 10, "done.log"));
        String unfinished = created(TusClient.create(link, 10, "half.log"));
        TusClient.patch(done, 0, bytes(10));
        TusClient.patch(unfinished, 0, bytes(4));
        String unfinishedKey = unfinished.substring(unfinished.lastIndexOf('/') + 1);
        String storageKey = db.sql("select storage_key from uploaded_files where ticket_id = ?").param(ticket.id).query(String.class).single();

        close(ticket);

        assertThat(TusClient.create(link, 10, "late.log").status()).isEqualTo(410);
        assertThat(TusClient.patch(unfinished, 4, bytes(6)).status()).isEqualTo(410);
        assertThat(desk.agent().api().post("/api/v2/tickets/" + ticket.id + "/upload_links", "{}").status()).isEqualTo(422);
        cleanup.sweep(Instant.now());
        assertThat(stagedFiles()).noneMatch(name -> name.startsWith(unfinishedKey));
        assertThat(Files.exists(dataDir.resolve("files").resolve(storageKey))).isFalse();
        Reply files = desk.admin.get("/api/v2/tickets/" + ticket.id + "/uploaded_files");
        assertThat(files.at("/uploaded_files/0/removed_at").isNull()).isFalse();
        assertThat(files.at("/uploaded_files/0/sha256").stringValue()).hasSize(64);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket.id + "/uploaded_files/" + files.at("/uploaded_files/0/id").longValue()
                + "/content").status()).isEqualTo(410);
    }

    @Test
    void theCleanUpDropsUnfinishedUploadsOfExpiredLinks() throws Exception {
        Ticket ticket = aTicket();
        String upload = created(TusClient.create(link(ticket), 10, "a.log"));
        TusClient.patch(upload, 0, bytes(3));
        db.sql("update upload_links set expires_at = now() - interval '1 second' where ticket_id = ?").param(ticket.id).update();

        cleanup.sweep(Instant.now());

        assertThat(stagedFiles()).noneMatch(name -> name.startsWith(upload.substring(upload.lastIndexOf('/') + 1)));
        assertThat(db.sql("select status from tus_uploads u join upload_links l on l.id = u.link_id where l.ticket_id = ?")
                .param(ticket.id).query(String.class).single()).isEqualTo("abandoned");
    }

    // --- fixtures ---

    record Ticket(long id, ApiClient requester) {
    }

    private Ticket aTicket() {
        Account customer = desk.endUserIn(desk.aCustomer());
        Reply created = customer.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job fails"},"ticket_form_id":%d}}""".formatted(SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Ticket(created.id("ticket"), customer.api());
    }

    private String link(Ticket ticket) {
        Reply made = desk.agent().api().post("/api/v2/tickets/" + ticket.id + "/upload_links", "{}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.at("/upload_link/url").stringValue();
    }

    private void close(Ticket ticket) {
        for (String status : new String[] {"solved", "closed"}) {
            Reply put = desk.admin.put("/api/v2/tickets/" + ticket.id, "{\"ticket\":{\"status\":\"" + status + "\"}}");
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
        }
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.header("Tus-Resumable")).isEqualTo("1.0.0");
        return reply.header("Location");
    }

    private static long awaitOffset(String upload, long expected) throws InterruptedException {
        long offset = -1;
        for (int i = 0; i < 100 && offset != expected; i++) {
            Reply head = TusClient.head(upload);
            offset = head.status() == 200 ? Long.parseLong(head.header("Upload-Offset")) : -1;
            if (offset != expected) {
                Thread.sleep(50);
            }
        }
        return offset;
    }

    private java.util.List<String> stagedFiles() {
        try (var files = Files.list(dataDir.resolve("uploader"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long count(String from) {
        return db.sql("select count(*) from " + from).query(Long.class).single();
    }

    static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
