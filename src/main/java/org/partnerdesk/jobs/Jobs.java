package org.partnerdesk.jobs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.kagkarlsson.scheduler.task.Task;
import org.partnerdesk.api.Actor;
import org.partnerdesk.jobs.persistence.StoredJobs;
import org.springframework.stereotype.Service;

/** Issue #16: the desk's background jobs for admins: every task the scheduler knows, with its last and next run. */
@Service
public class Jobs {

    private final StoredJobs stored;
    private final List<String> known;

    Jobs(StoredJobs stored, List<Task<?>> tasks) {
        this.stored = stored;
        this.known = tasks.stream().map(Task::getName).toList();
    }

    /** Every known task by name, those with nothing scheduled too; one query (the tasks are a fixed handful). */
    public List<Job> all(Actor actor) {
        actor.requireAdmin();
        Map<String, Job> byName = new TreeMap<>();
        known.forEach(name -> byName.put(name, Job.idle(name)));
        stored.all().forEach(job -> byName.put(job.name(), job));
        return List.copyOf(byName.values());
    }
}
