package org.partnerdesk.partnerops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The limits of the unauthenticated endpoints (PO-1, PO-2): counted in PostgreSQL, per key and window, and forgotten by a job. */
class RequestLimitsTest extends ApiTest {

    @Autowired
    RequestLimits limits;

    @Autowired
    org.partnerdesk.identity.Attempts attempts;

    @Autowired
    JdbcClient db;

    @Test
    void theSixthRequestForOneEmailInAWindowIsRefusedWithTheTimeLeftInTheWindow() {
        String endpoint = Desk.unique("endpoint");
        for (int i = 0; i < 5; i++) {
            limits.hit(endpoint, Desk.unique("client"), "same@applicants.test");
        }

        assertThatThrownBy(() -> limits.hit(endpoint, Desk.unique("client"), "SAME@applicants.test"))
                .isInstanceOfSatisfying(RateLimited.class, refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.retryAfterSeconds()).isBetween(1L, Duration.ofHours(1).toSeconds());
                });
        limits.hit(endpoint, Desk.unique("client"), "other@applicants.test");
    }

    @Test
    void endedWindowsAreForgottenByTheCleanupJobsWork() {
        limits.hit(Desk.unique("endpoint"), Desk.unique("client"), null);
        assertThat(rows()).isPositive();

        attempts.forgetEndedWindows(Instant.now().plus(Duration.ofDays(2)));

        assertThat(rows()).isZero();
    }

    private int rows() {
        return db.sql("select count(*) from request_limits").query(Integer.class).single();
    }
}
