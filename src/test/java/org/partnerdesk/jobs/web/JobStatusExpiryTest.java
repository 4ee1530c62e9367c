package org.partnerdesk.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.jobs.JobStatuses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #17: a job status is kept a day, as Zendesk keeps it; then it answers 404 and the clean-up deletes it. */
class JobStatusExpiryTest extends ApiTest {

    @Autowired
    JobStatuses jobs;
    @Autowired
    JdbcClient db;

    @Test
    void aJobStatusOlderThanADayIsMissingAndTheCleanUpDeletesItWithItsResults() {
        String expired = completedJob();
        String fresh = completedJob();
        db.sql("update job_statuses set created_at = now() - interval '25 hours' where id = ?").param(expired).update();

        Reply gone = desk.admin.get("/api/v2/job_statuses/" + expired);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.at("/error").stringValue()).isEqualTo("RecordNotFound");
        assertThat(gone.at("/description").stringValue()).isNotBlank();
        assertThat(desk.admin.get("/api/v2/job_statuses/show_many?ids=" + expired + "," + fresh).at("/job_statuses").size()).isEqualTo(1);
        assertThat(desk.admin.get("/api/v2/job_statuses").json().get("job_statuses").valueStream()
                .map(job -> job.get("id").stringValue())).contains(fresh).doesNotContain(expired);

        assertThat(jobs.deleteExpired(Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(rows("job_statuses", "id", expired)).isZero();
        assertThat(rows("job_status_results", "job_id", expired)).isZero();
        assertThat(rows("job_statuses", "id", fresh)).isEqualTo(1);
        assertThat(desk.admin.get("/api/v2/job_statuses/" + fresh).status()).isEqualTo(200);
    }

    private String completedJob() {
        Reply queued = desk.admin.post("/api/v2/users/create_many", """
                {"users":[{"name":"Kept a day","email":"%s@customer.test"}]}""".formatted(Desk.unique("kept").replaceAll("[^a-zA-Z0-9]", "")));
        return BulkJobsTest.awaitCompleted(desk.admin, queued).get("id").stringValue();
    }

    private long rows(String table, String column, String id) {
        return db.sql("select count(*) from " + table + " where " + column + " = ?").param(id).query(Long.class).single();
    }
}
