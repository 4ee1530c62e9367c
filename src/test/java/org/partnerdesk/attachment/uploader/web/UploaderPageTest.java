package org.partnerdesk.attachment.uploader.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * FILE-2: the link opened in a real browser (Debian's Chromium through Playwright) is an upload form whose own tus
 * client sends the file in chunks and, after a PATCH fails, asks the server for the offset and goes on from there.
 */
class UploaderPageTest extends BrowserTest {

    @Autowired
    JdbcClient db;

    @Test
    void aCustomerSendsAFileThroughTheFormInChunksAndItIsListedOnTheTicket() throws Exception {
        long ticket = aTicket();
        byte[] file = bytes(300_000);
        AtomicInteger patches = new AtomicInteger();
        page.onRequest(request -> {
            if (request.method().equals("PATCH")) {
                patches.incrementAndGet();
            }
        });

        Response opened = page.navigate(link(ticket).replace("localhost", "127.0.0.1") + "?chunk=65536");
        page.setInputFiles("#files", new FilePayload("logs from prod.zip", "application/zip", file));
        page.click("#send");
        page.waitForSelector("#uploads li[data-state=done]");

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.headers().get("referrer-policy")).isEqualTo("no-referrer");
        assertThat(page.textContent("#uploads li")).contains("logs from prod.zip: received");
        assertThat(patches.get()).isEqualTo(5); // 300 000 bytes in 64 KiB chunks
        Reply files = desk.admin.get("/api/v2/tickets/" + ticket + "/uploaded_files");
        assertThat(files.at("/uploaded_files/0/file_name").stringValue()).isEqualTo("logs from prod.zip");
        assertThat(files.at("/uploaded_files/0/size").longValue()).isEqualTo(300_000);
        assertThat(files.at("/uploaded_files/0/sha256").stringValue()).isEqualTo(sha256(file));
    }

    @Test
    void afterAFailedPatchTheFormAsksForTheOffsetAndResumes() throws Exception {
        long ticket = aTicket();
        byte[] file = bytes(200_000);
        AtomicInteger patches = new AtomicInteger();
        AtomicInteger heads = new AtomicInteger();
        page.route("**/uploader/*/*", route -> {
            String method = route.request().method();
            if (method.equals("HEAD")) {
                heads.incrementAndGet();
            }
            if (method.equals("PATCH") && patches.incrementAndGet() == 2) {
                route.abort("connectionreset"); // the second chunk never arrives
            } else {
                route.resume();
            }
        });

        page.navigate(link(ticket).replace("localhost", "127.0.0.1") + "?chunk=65536");
        page.setInputFiles("#files", new FilePayload("core.dump", "application/octet-stream", file));
        page.click("#send");
        page.waitForSelector("#uploads li[data-state=done]");

        assertThat(heads.get()).isGreaterThanOrEqualTo(1);
        assertThat(patches.get()).isEqualTo(5); // 4 chunks and the one that failed
        Reply files = desk.admin.get("/api/v2/tickets/" + ticket + "/uploaded_files");
        assertThat(files.at("/uploaded_files/0/sha256").stringValue()).isEqualTo(sha256(file));
    }

    @Test
    void anExpiredLinkShowsWhyAndNoForm() {
        long ticket = aTicket();
        String link = link(ticket);
        db.sql("update upload_links set expires_at = now() - interval '1 second' where ticket_id = ?").param(ticket).update();

        Response opened = page.navigate(link.replace("localhost", "127.0.0.1"));

        assertThat(opened.status()).isEqualTo(410);
        assertThat(page.textContent("#closed")).contains("expired");
        assertThat(page.isVisible("#upload-form")).isFalse();
    }

    private long aTicket() {
        Account customer = desk.endUserIn(desk.aCustomer());
        Reply created = customer.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job fails"},"ticket_form_id":%d}}""".formatted(SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    private String link(long ticket) {
        ApiClient agent = desk.agent().api();
        Reply made = agent.post("/api/v2/tickets/" + ticket + "/upload_links", "{}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.at("/upload_link/url").stringValue();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
