package org.partnerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue #11: with the mail server down the node stays in the balancer; the mail group alone tells it is down. */
class MailHealthTest extends ApiTest {

    @Autowired
    MailHealth mailHealth;

    @Test
    void theMailServerDownLeavesOverallHealthAndReadinessUp() {
        MAIL.stop();
        try {
            mailHealth.check();

            Reply overall = desk.anonymous().get("/actuator/health");
            assertThat(overall.status()).as(overall.toString()).isEqualTo(200);
            assertThat(overall.at("/status").stringValue()).isEqualTo("UP");
            assertThat(desk.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(desk.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
            Reply mail = desk.anonymous().get("/actuator/health/mail");
            assertThat(mail.status()).as(mail.toString()).isEqualTo(503);
            assertThat(mail.at("/status").stringValue()).isEqualTo("DOWN");
        } finally {
            MAIL.start();
        }
        mailHealth.check();
        assertThat(desk.anonymous().get("/actuator/health/mail").status()).isEqualTo(200);
    }
}
