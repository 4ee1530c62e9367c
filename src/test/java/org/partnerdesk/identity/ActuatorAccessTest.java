package org.partnerdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;

/**
 * #10 item 12 (docs/security.md "Actuator"): metrics are an admin's, probes are anyone's but say only UP or DOWN.
 */
class ActuatorAccessTest extends ApiTest {

    @Test
    void strangersCannotReadMetrics() {
        Reply anonymous = desk.anonymous().get("/actuator/prometheus");

        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.text()).doesNotContain("http_server_requests").doesNotContain("jvm_");
        assertThat(anonymous.at("/error").stringValue()).isEqualTo("Unauthorized");
    }

    @Test
    void signedInUsersWhoAreNotAdminsCannotReadMetrics() {
        for (var caller : List.of(desk.agent(), desk.endUserIn(desk.aPartner("open")))) {
            Reply reply = caller.api().get("/actuator/prometheus");

            assertThat(reply.status()).as(caller.email() + ": " + reply).isEqualTo(403);
            assertThat(reply.text()).doesNotContain("http_server_requests");
        }
    }

    @Test
    void anAdminTokenReadsMetrics() {
        Reply scraped = desk.admin.withHeader("Accept", "text/plain").get("/actuator/prometheus");

        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        assertThat(scraped.text()).contains("http_server_requests");
    }

    @Test
    void probesSayOnlyUpOrDownToStrangers() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Reply reply = desk.anonymous().get(probe);

            assertThat(reply.status()).as(probe + ": " + reply).isEqualTo(200);
            // the root names its probe groups (liveness, readiness), nothing about the database or the disk
            assertThat(reply.json().propertyNames()).as(probe).isSubsetOf("status", "groups");
            assertThat(reply.text()).as(probe).doesNotContain("components").doesNotContain("details").doesNotContain("PostgreSQL");
            assertThat(reply.at("/status").stringValue()).isEqualTo("UP");
        }
    }

    @Test
    void strangersCannotAskForASingleHealthComponent() {
        for (String component : List.of("/actuator/health/db", "/actuator/health/diskSpace", "/actuator/health/ping",
                "/actuator/health/livenessState", "/actuator/health/readinessState")) {
            Reply reply = desk.anonymous().get(component);

            assertThat(reply.status()).as(component + ": " + reply).isEqualTo(404);
            assertThat(reply.text()).as(component).doesNotContain("UP").doesNotContain("PostgreSQL");
        }
    }
}
