package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * #10 item 9 (docs/api.md): a JSON body over 1 MB is a 413 in the error shape before it is parsed, on every JSON
 * endpoint, whether its length is declared or it comes in chunks; files keep their own, larger limits.
 */
class JsonBodyLimitTest extends ApiTest {

    private static final int ONE_MB = 1 << 20;

    @Autowired
    JdbcClient db;

    @Test
    void aFiveMegabyteJsonBodyIsRefusedWith413AndNothingIsCreated() {
        long organizations = count();
        String body = organization(Desk.unique("Big"), 5 * ONE_MB);

        Reply declared = desk.admin.post("/api/v2/organizations", body);
        Reply chunked = chunked(desk.admin, body);
        Reply withIdempotencyKey = chunked(desk.admin.withHeader("Idempotency-Key", Desk.unique("big")), body);
        Reply anonymous = chunked(desk.anonymous().withHeader("X-Forwarded-For", "198.51.100.9"), "/api/v2/partner_applications", body);

        for (Reply reply : new Reply[] {declared, chunked, withIdempotencyKey, anonymous}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
            assertThat(reply.at("/error").stringValue()).isEqualTo("RequestEntityTooLarge");
            assertThat(reply.at("/description").stringValue()).contains("1 MB");
        }
        assertThat(count()).isEqualTo(organizations);
    }

    @Test
    void aBodyOfExactlyOneMegabyteIsReadAndOneByteMoreIsNot() {
        String name = Desk.unique("Padded");
        String fits = organization(name, ONE_MB);
        String tooLarge = organization(Desk.unique("Padded"), ONE_MB + 1);

        Reply read = chunked(desk.admin, fits);
        Reply refused = desk.admin.post("/api/v2/organizations", tooLarge);

        assertThat(read.status()).as(read.toString()).isEqualTo(201);
        assertThat(read.at("/organization/name").stringValue()).isEqualTo(name);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    }

    @Test
    void anAttachmentKeepsItsOwnLimit() { // FILE-1: up to PARTNERDESK_ATTACHMENT_MAX_SIZE, not the JSON limit
        var ann = desk.endUserIn(desk.aCustomer());

        Reply upload = ann.api().post("/api/v2/uploads?filename=two-megabytes.bin", new byte[2 * ONE_MB], "application/octet-stream");

        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    }

    /** A valid organization whose JSON is padded with spaces to exactly {@code bytes} bytes. */
    private static String organization(String name, int bytes) {
        String json = """
                {"organization":{"name":"%s","organization_fields":{"org_type":"customer"}}}""".formatted(name);
        return json.substring(0, json.length() - 1) + " ".repeat(bytes - json.length()) + "}";
    }

    private static Reply chunked(ApiClient as, String body) {
        return chunked(as, "/api/v2/organizations", body);
    }

    private static Reply chunked(ApiClient as, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return as.sendBody("POST", path, "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    private long count() {
        return db.sql("select count(*) from organizations").query(Long.class).single();
    }
}
