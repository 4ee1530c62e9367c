package org.partnerdesk.jobs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.partnerdesk.jobs.persistence.StoredJobStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issue #17 item 1: a bulk job runs at once on the node that received it, instead of waiting for the scheduler's pick-up
 * (measured: ~30 ms of a 54 ms create_many). The run first claims the job's scheduler execution as the scheduler picks one
 * (only if unpicked), so the scheduler and this node never both run it; the job row and the execution stay the durable
 * record: a job this node never got to, or whose run failed, is run by the scheduler on any node.
 */
@Component
class ImmediateRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImmediateRuns.class);

    /** A failed run is due again on the scheduler after this long. */
    private static final int RETRY_AFTER_SECONDS = 10;

    private final BulkJob.Run run;
    private final StoredJobStatuses stored;
    private final NodeName node;
    private final ObjectProvider<Scheduler> scheduler;
    private final ThreadPoolExecutor executor;

    ImmediateRuns(BulkJob.Run run, StoredJobStatuses stored, NodeName node, ObjectProvider<Scheduler> scheduler,
                  @Value("${partnerdesk.jobs.immediate-threads:2}") int threads) {
        this.run = run;
        this.stored = stored;
        this.node = node;
        this.scheduler = scheduler;
        AtomicInteger count = new AtomicInteger();
        // a bounded queue: a job that finds it full is left to the scheduler, so a burst never piles up in memory
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100), task -> {
            Thread thread = new Thread(task, "bulk-job-now-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** Runs job {@code id} on this node now, unless the scheduler has picked it; called once its transaction committed. */
    void submit(String id) {
        try {
            executor.execute(() -> runClaimed(id));
        } catch (RejectedExecutionException busyOrStopping) {
            scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        }
    }

    /** The job's run if this node claims its execution; false when the scheduler (or another run) had it first. */
    boolean runClaimed(String id) {
        String name = node.value();
        String task = JobStatuses.BULK_JOB.getTaskName();
        try {
            // the claim shares the job's first transaction and the execution's removal its last
            return run.job(id, () -> stored.claim(task, id, name), () -> stored.completed(task, id, name));
        } catch (RuntimeException e) {
            log.warn("Bulk job {} failed on this node; the scheduler runs it again in {} s", id, RETRY_AFTER_SECONDS, e);
            stored.failed(task, id, name, RETRY_AFTER_SECONDS);
            return true;
        }
    }

    // jobs queued but not started were never claimed: the scheduler runs them on this node's next start or on another node
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.getQueue().clear();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
