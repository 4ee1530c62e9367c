package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.database.LocalPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Issue #11 item 7: with PostgreSQL stopped, requests fail fast with 503 and Retry-After in the API's error shape. */
@TestPropertySource(properties = "partnerdesk.database.connect-timeout=1s")
@DirtiesContext // this context's own embedded PostgreSQL is stopped; no other test may reuse it
class DatabaseOutageTest extends ApiTest {

    @Autowired
    LocalPostgres postgres;

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503WithRetryAfterWithinTheConnectTimeout() {
        assertThat(desk.admin.get("/api/v2/users/me").status()).isEqualTo(200);
        postgres.close();

        Instant start = Instant.now();
        Reply signedIn = desk.admin.get("/api/v2/users/me");
        Reply posted = desk.admin.withHeader("Idempotency-Key", "outage").post("/api/v2/organizations", """
                {"organization":{"name":"Outage","organization_fields":{"org_type":"customer"}}}""");
        Duration took = Duration.between(start, Instant.now());

        for (Reply reply : new Reply[] {signedIn, posted}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isEqualTo("10");
            assertThat(reply.at("/error").stringValue()).isEqualTo("DatabaseUnavailable");
            assertThat(reply.at("/description").stringValue()).contains("nothing was changed");
        }
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
