package org.partnerdesk.jobs.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.jobs.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** db-scheduler's scheduled_tasks, one row per task name: its executions summed up in one query. */
@Repository
public class StoredJobs {

    private final JdbcClient db;

    StoredJobs(JdbcClient db) {
        this.db = db;
    }

    public List<Job> all() {
        return db.sql("""
                        select task_name, count(*) as scheduled,
                               min(execution_time) filter (where not picked) as next_run,
                               coalesce(array_remove(array_agg(distinct picked_by) filter (where picked), null), '{}') as running_on,
                               max(last_success) as last_success, max(last_failure) as last_failure,
                               coalesce(max(consecutive_failures), 0) as consecutive_failures
                          from scheduled_tasks
                         group by task_name
                         order by task_name""")
                .query(StoredJobs::job).list();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        String[] running = (String[]) rs.getArray("running_on").getArray();
        return new Job(rs.getString("task_name"), rs.getInt("scheduled"), instant(rs.getTimestamp("next_run")),
                Arrays.asList(running), instant(rs.getTimestamp("last_success")), instant(rs.getTimestamp("last_failure")),
                rs.getInt("consecutive_failures"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
