package org.partnerdesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.jobs.persistence.StoredJobStatuses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17 item 3: a batch that fails as a whole (a unique index catching what the batch's lookup could not) rolls back,
 * and its records are written one by one, so one bad record never fails the others.
 */
class BulkJobFallbackTest extends ApiTest {

    @Autowired
    StoredJobStatuses stored;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient db;

    @Test
    void aBatchThatFailsAsAWholeIsWrittenRecordByRecordAndOnlyTheBadRecordFails() {
        AtomicInteger batches = new AtomicInteger();
        BulkWrite write = BulkWrite.batched("fallback_probe", (actor, record) -> {
            if (record.get("bad").booleanValue()) {
                throw ApiException.invalid("email", "duplicate", "is already the e-mail of another user");
            }
            return new BulkWrite.Written(record.get("n").longValue(), true);
        }, (actor, records) -> {
            batches.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate key value violates unique constraint \"users_email_key\"");
        });
        String id = java.util.UUID.randomUUID().toString().replace("-", "");
        long admin = db.sql("select id from users where lower(email) = lower(?)").param(ADMIN_EMAIL).query(Long.class).single();
        db.sql("insert into job_statuses (id, job_type, started_by, actor, records, total) values (?, 'fallback_probe', ?, ?::jsonb, ?::jsonb, 3)")
                .params(id, admin, """
                        {"user_id":%d,"email":"%s","role":"admin","organization_id":null,"groups":[]}""".formatted(admin, ADMIN_EMAIL),
                        """
                        [{"n":1,"bad":false},{"n":2,"bad":true},{"n":3,"bad":false}]""").update();

        new BulkJob.Run(stored, Map.of("fallback_probe", write), new TransactionTemplate(transactions), json).job(id);

        JobStatus job = stored.find(id).orElseThrow();
        assertThat(batches).hasValue(1);
        assertThat(job.status()).isEqualTo("completed");
        assertThat(job.results().stream().map(JobResult::status).toList()).containsExactly("Created", "Failed", "Created");
        assertThat(job.results().stream().map(JobResult::id).toList()).containsExactly(1L, null, 3L);
        assertThat(job.results().get(1).details()).contains("already the e-mail");
    }
}
