package org.partnerdesk.jobs.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.jobs.JobResult;
import org.partnerdesk.jobs.JobStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issue #17 item 3: bulk jobs (job_statuses) with their waiting records, and each done record's result (job_status_results). */
@Repository
public class StoredJobStatuses {

    private static final String COLUMNS = "id, job_type, started_by, status, total, message, created_at, started_at, finished_at";

    private final JdbcClient db;

    StoredJobStatuses(JdbcClient db) {
        this.db = db;
    }

    /** What a job's run needs: its type, who started it (as JSON) and its records (a JSON array). */
    public record Queued(String jobType, String actor, String records) {
    }

    /**
     * A queued job and the scheduler's execution of it, in one statement of the caller's transaction (the row db-scheduler's
     * own client would insert: an unpicked one-time execution without data, due now); answers when the job was created.
     */
    public Instant insert(String id, String jobType, long startedBy, String actor, String records, int total, String task) {
        return db.sql("""
                        with job as (
                          insert into job_statuses (id, job_type, started_by, actor, records, total)
                          values (?, ?, ?, ?::jsonb, ?::jsonb, ?) returning created_at),
                        execution as (
                          insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                          values (?, ?, null, now(), false, 1))
                        select created_at from job""")
                .params(id, jobType, startedBy, actor, records, total, task, id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    /**
     * Issue #17 item 1: claims the scheduler's execution of job {@code id} for {@code node}, as the scheduler picks one (only
     * if no one has picked it); true when this node now owns the run. The execution stays in the table until
     * {@link #completed}, so a node that dies midway leaves it to the scheduler's dead-execution revival.
     */
    public boolean claim(String task, String id, String node) {
        return db.sql("""
                        update scheduled_tasks set picked = true, picked_by = ?, last_heartbeat = now(), version = version + 1
                         where task_name = ? and task_instance = ? and not picked""")
                .params(node, task, id).update() == 1;
    }

    /** The claimed execution ran: it is removed, as the scheduler removes a one-time task's execution once it succeeds. */
    public void completed(String task, String id, String node) {
        db.sql("delete from scheduled_tasks where task_name = ? and task_instance = ? and picked and picked_by = ?")
                .params(task, id, node).update();
    }

    /** The claimed execution failed: handed back to the scheduler, due again after {@code retryAfterSeconds}. */
    public void failed(String task, String id, String node, int retryAfterSeconds) {
        db.sql("""
                        update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null, last_failure = now(),
                               consecutive_failures = coalesce(consecutive_failures, 0) + 1,
                               execution_time = now() + make_interval(secs => ?), version = version + 1
                         where task_name = ? and task_instance = ? and picked and picked_by = ?""")
                .params(retryAfterSeconds, task, id, node).update();
    }

    public Optional<JobStatus> find(String id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The jobs with these ids and their results, in two queries. */
    public List<JobStatus> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<JobStatus> jobs = db.sql("select " + COLUMNS + " from job_statuses where id = any(?) order by created_at desc, id")
                .param(ids.toArray(String[]::new)).query(StoredJobStatuses::job).list();
        return withResults(jobs);
    }

    /** The latest jobs, newest first: those {@code startedBy} started, or everyone's when null. */
    public List<JobStatus> latest(@Nullable Long startedBy, int limit) {
        List<JobStatus> jobs = db.sql("select " + COLUMNS + " from job_statuses where (?::bigint is null or started_by = ?)"
                        + " order by created_at desc, id limit ?")
                .params(startedBy, startedBy, limit).query(StoredJobStatuses::job).list();
        return withResults(jobs);
    }

    /** Marks a queued (or interrupted) job working and answers what its run needs; empty once it has finished. */
    public Optional<Queued> start(String id) {
        return db.sql("""
                        update job_statuses set status = 'working', started_at = coalesce(started_at, now())
                         where id = ? and status in ('queued', 'working')
                        returning job_type, actor::text, records::text""")
                .param(id).query((rs, n) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The indexes of the records already done, so a job run again after a restart goes on after them. */
    public List<Integer> doneIndexes(String id) {
        return db.sql("select index from job_status_results where job_id = ?").param(id).query(Integer.class).list();
    }

    public void addResult(String jobId, JobResult result) {
        db.sql("insert into job_status_results (job_id, index, id, status, error, details, rule) values (?, ?, ?, ?, ?, ?, ?)")
                .params(jobId, result.index(), result.id(), result.status(), result.error(), result.details(), result.rule())
                .update();
    }

    /** Issue #17 item 3: a batch's results in one statement. */
    public void addResults(String jobId, List<JobResult> results) {
        if (results.isEmpty()) {
            return;
        }
        db.sql("insert into job_status_results (job_id, index, id, status, error, details, rule)"
                        + " select cast(? as text), * from unnest(?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])")
                .params(jobId, results.stream().map(JobResult::index).toArray(Integer[]::new),
                        results.stream().map(JobResult::id).toArray(Long[]::new),
                        results.stream().map(JobResult::status).toArray(String[]::new),
                        results.stream().map(JobResult::error).toArray(String[]::new),
                        results.stream().map(JobResult::details).toArray(String[]::new),
                        results.stream().map(JobResult::rule).toArray(String[]::new))
                .update();
    }

    /**
     * Lets this transaction commit without waiting for its WAL flush (measured: the flush is most of a one-record
     * transaction's time); the job's last commit ({@link #finish}) waits for it, and with it for every record before.
     */
    public void commitWithoutWaiting() {
        db.sql("set local synchronous_commit = off").update();
    }

    /** Issue #17: deletes up to {@code limit} finished jobs created before {@code cutoff}, their results with them; answers how many. */
    public int deleteFinishedBefore(Instant cutoff, int limit) {
        return db.sql("""
                        delete from job_statuses where id in (
                          select id from job_statuses where created_at < ? and status in ('completed', 'failed') limit ?)""")
                .params(Timestamp.from(cutoff), limit).update();
    }

    public void finish(String id, String status, @Nullable String message) {
        db.sql("update job_statuses set status = ?, message = ?, finished_at = now(), records = '[]'::jsonb where id = ?")
                .params(status, message, id).update();
    }

    private List<JobStatus> withResults(List<JobStatus> jobs) {
        if (jobs.isEmpty()) {
            return jobs;
        }
        Map<String, List<JobResult>> results = new LinkedHashMap<>();
        jobs.forEach(job -> results.put(job.id(), new ArrayList<>()));
        db.sql("select job_id, index, id, status, error, details, rule from job_status_results where job_id = any(?) order by job_id, index")
                .param(results.keySet().toArray(String[]::new))
                .query((ResultSet rs) -> {
                    results.get(rs.getString("job_id")).add(new JobResult(rs.getInt("index"), (Long) rs.getObject("id"),
                            rs.getString("status"), rs.getString("error"), rs.getString("details"), rs.getString("rule")));
                });
        return jobs.stream().map(job -> job.withResults(results.get(job.id()))).toList();
    }

    private static JobStatus job(ResultSet rs, int row) throws SQLException {
        return new JobStatus(rs.getString("id"), rs.getString("job_type"), rs.getLong("started_by"), rs.getString("status"),
                rs.getInt("total"), List.of(), rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
