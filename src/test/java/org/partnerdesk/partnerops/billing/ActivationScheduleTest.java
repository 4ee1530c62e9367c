package org.partnerdesk.partnerops.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** PO-5: the activation job is written in the transaction that creates the account: both or neither. */
class ActivationScheduleTest extends ApiTest {

    @Autowired
    ActivationSchedule schedule;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient db;

    @Test
    void theJobIsScheduledOnlyWhenTheTransactionCommits() {
        Instant later = Instant.now().plus(3, ChronoUnit.HOURS);

        transaction.executeWithoutResult(status -> {
            schedule.activateAt(-41, later);
            assertThat(jobs("-41")).as("visible inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> schedule.activateAt(-42, later));

        assertThat(jobs("-41")).as("rolled back with the transaction").isZero();
        assertThat(jobs("-42")).isEqualTo(1);
        db.sql("delete from scheduled_tasks where task_name = 'billing-account-activation' and task_instance = '-42'").update();
    }

    private long jobs(String instance) {
        return db.sql("select count(*) from scheduled_tasks where task_name = 'billing-account-activation' and task_instance = ?")
                .param(instance).query(Long.class).single();
    }
}
