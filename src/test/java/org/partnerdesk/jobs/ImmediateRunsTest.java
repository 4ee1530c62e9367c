package org.partnerdesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.jobs.persistence.StoredJobStatuses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17 item 1: a bulk job runs at once on the node that received it, after claiming the scheduler's execution, so it runs
 * exactly once whoever gets there first; a job its node never ran is still run by the scheduler.
 */
class ImmediateRunsTest extends ApiTest {

    @Autowired
    JobStatuses jobs;
    @Autowired
    ImmediateRuns immediately;
    @Autowired
    StoredJobStatuses stored;
    @Autowired
    Scheduler scheduler;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient db;

    @Test
    void aJobRunsExactlyOnceWhenImmediateRunsAndTheSchedulerRace() throws Exception {
        for (int round = 0; round < 5; round++) {
            String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8);
            String id = new TransactionTemplate(transactions).execute(status -> jobs.start(admin(), "create_many_users", users(prefix, 20)).id());
            ExecutorService racers = Executors.newFixedThreadPool(4);
            List<Callable<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(() -> immediately.runClaimed(id));
            }
            runs.add(() -> {
                scheduler.triggerCheckForDueExecutions();
                return false;
            });
            long claimedHere = 0;
            for (Future<Boolean> run : racers.invokeAll(runs)) {
                claimedHere += run.get() ? 1 : 0;
            }
            racers.shutdown();

            JobStatus job = awaitCompleted(id);
            assertThat(claimedHere).isLessThanOrEqualTo(1);
            assertThat(job.results()).hasSize(20);
            assertThat(job.results().stream().map(JobResult::index).distinct()).hasSize(20);
            assertThat(db.sql("select count(*) from users where email like ?").param(prefix + "%").query(Long.class).single()).isEqualTo(20);
            assertThat(awaitExecutionRemoved(id)).isZero();
        }
    }

    @Test
    void aJobTheSchedulerPickedIsNotRunAgainHere() {
        String prefix = "picked-" + UUID.randomUUID().toString().substring(0, 8);
        String id = queueWithoutImmediateRun(prefix);
        db.sql("update scheduled_tasks set picked = true, picked_by = 'another-node', execution_time = now() + interval '1 hour'"
                + " where task_name = 'bulk-job' and task_instance = ?").param(id).update();

        assertThat(immediately.runClaimed(id)).isFalse();

        assertThat(stored.find(id).orElseThrow().status()).isEqualTo("queued");
        assertThat(db.sql("select count(*) from users where email like ?").param(prefix + "%").query(Long.class).single()).isZero();
        db.sql("delete from scheduled_tasks where task_name = 'bulk-job' and task_instance = ?").param(id).update();
    }

    @Test
    void aJobWhoseNodeDiedBeforeRunningItIsRunByTheScheduler() {
        String prefix = "orphan-" + UUID.randomUUID().toString().substring(0, 8);
        String id = queueWithoutImmediateRun(prefix);

        scheduler.triggerCheckForDueExecutions();

        JobStatus job = awaitCompleted(id);
        assertThat(job.results()).hasSize(3);
        assertThat(db.sql("select count(*) from users where email like ?").param(prefix + "%").query(Long.class).single()).isEqualTo(3);
        assertThat(awaitExecutionRemoved(id)).isZero();
    }

    /** The job and its execution committed, as by a node that died before its immediate run. */
    private String queueWithoutImmediateRun(String prefix) {
        String id = UUID.randomUUID().toString().replace("-", "");
        Actor admin = admin();
        new TransactionTemplate(transactions).executeWithoutResult(status -> stored.insert(id, "create_many_users", admin.userId(),
                """
                {"user_id":%d,"email":"%s","role":"admin","organization_id":null,"groups":[]}""".formatted(admin.userId(), ADMIN_EMAIL),
                json.writeValueAsString(users(prefix, 3)), 3, JobStatuses.BULK_JOB.getTaskName()));
        return id;
    }

    private List<JsonNode> users(String prefix, int count) {
        List<JsonNode> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(json.readTree("""
                    {"name":"Racer %d","email":"%s-%d@customer.test"}""".formatted(i, prefix, i)));
        }
        return users;
    }

    private Actor admin() {
        long id = db.sql("select id from users where lower(email) = lower(?)").param(ADMIN_EMAIL).query(Long.class).single();
        return new Actor(id, ADMIN_EMAIL, Role.fromCode("admin").orElseThrow(), null, Set.of());
    }

    private long executions(String id) {
        return db.sql("select count(*) from scheduled_tasks where task_name = 'bulk-job' and task_instance = ?").param(id).query(Long.class).single();
    }

    private JobStatus awaitCompleted(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JobStatus job = stored.find(id).orElseThrow();
            if (job.status().equals("completed")) {
                return job;
            }
            pause();
        }
        throw new AssertionError("job " + id + " did not complete");
    }

    /** The scheduler removes its execution after the run that completed the job returned, in a commit of its own. */
    private long awaitExecutionRemoved(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        long left = executions(id);
        while (left > 0 && Instant.now().isBefore(deadline)) {
            pause();
            left = executions(id);
        }
        return left;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
