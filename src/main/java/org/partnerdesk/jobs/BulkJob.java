package org.partnerdesk.jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.Role;
import org.partnerdesk.jobs.persistence.StoredJobStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17 item 3: runs a bulk job, one record at a time, each record and its result in a transaction of their own: a
 * refused record rolls back alone and is reported, the others are written. A job run again (a node stopped midway) goes on
 * after the last record done.
 */
@Configuration(proxyBeanMethods = false)
class BulkJob {

    private static final Logger log = LoggerFactory.getLogger(BulkJob.class);

    @Bean
    Run bulkJobRun(StoredJobStatuses stored, List<BulkWrite> writes, PlatformTransactionManager transactions, JsonMapper json) {
        return new Run(stored, writes.stream().collect(Collectors.toMap(BulkWrite::jobType, Function.identity())),
                new TransactionTemplate(transactions), json);
    }

    @Bean
    OneTimeTask<Void> bulkJobTask(Run run) {
        return Tasks.oneTime(JobStatuses.BULK_JOB).execute((instance, context) -> run.job(instance.getId()));
    }

    record Run(StoredJobStatuses stored, Map<String, BulkWrite> writes, TransactionTemplate transaction, JsonMapper json) {

        /** The scheduler's run of job {@code id}: the scheduler claimed its execution and removes it afterwards. */
        void job(String id) {
            job(id, () -> true, () -> { });
        }

        /**
         * Runs job {@code id} if {@code claim} answers true in the job's first transaction; {@code completed} runs in its last,
         * with the job's finish (issue #17: two commits per job around its records' one, not five).
         */
        boolean job(String id, BooleanSupplier claim, Runnable completed) {
            long started = System.nanoTime();
            Begun begun = transaction.execute(status -> {
                // a claim or start lost in a crash is redone by the scheduler, so these need not wait for the WAL flush
                stored.commitWithoutWaiting();
                if (!claim.getAsBoolean()) {
                    return null;
                }
                StoredJobStatuses.Queued queued = stored.start(id).orElse(null);
                return new Begun(queued, queued == null ? Set.of() : new HashSet<>(stored.doneIndexes(id)));
            });
            if (begun == null) {
                return false;
            }
            StoredJobStatuses.Queued queued = begun.queued();
            if (queued == null) {
                transaction.executeWithoutResult(status -> completed.run()); // finished before: a second execution of the same job
                return true;
            }
            BulkWrite write = writes.get(queued.jobType());
            if (write == null) {
                finish(id, "failed", "This desk does not know jobs of type " + queued.jobType() + ".", completed);
                return true;
            }
            Actor actor = actor(json.readTree(queued.actor()));
            JsonNode records = json.readTree(queued.records());
            List<Integer> pending = new ArrayList<>();
            for (int index = 0; index < records.size(); index++) {
                if (!begun.done().contains(index)) {
                    pending.add(index);
                }
            }
            if (!write.writesInBatches() || pending.size() < 2 || !batch(id, write, actor, pending, records)) {
                for (int index : pending) {
                    record(id, write, actor, index, records.get(index));
                }
            }
            // this commit waits for the WAL flush, and with it for every record's commit before it
            finish(id, "completed", null, completed);
            // bench/bulk.sh reads this line: the job's own work, without the scheduler's pick-up and the client's polling
            log.debug("Bulk job {} {}: {} records in {} ms", id, queued.jobType(), pending.size(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6));
            return true;
        }

        private void finish(String id, String status, @Nullable String message, Runnable completed) {
            transaction.executeWithoutResult(transaction -> {
                stored.finish(id, status, message);
                completed.run();
            });
        }

        /** A job as its first transaction left it: what it runs (null when it finished before) and the records done. */
        private record Begun(StoredJobStatuses.@Nullable Queued queued, Set<Integer> done) {
        }

        /**
         * Issue #17 item 3: the pending records and their results in one transaction (100 records cost 230 ms one by one,
         * most of it round trips); false when the batch failed as a whole and rolled back, so the records go one by one.
         */
        private boolean batch(String jobId, BulkWrite write, Actor actor, List<Integer> pending, JsonNode records) {
            try {
                transaction.executeWithoutResult(status -> {
                    stored.commitWithoutWaiting();
                    List<JsonNode> batch = pending.stream().map(records::get).toList();
                    List<BulkWrite.Outcome> outcomes = write.writeAll(actor, batch);
                    List<JobResult> results = new ArrayList<>(outcomes.size());
                    for (int i = 0; i < outcomes.size(); i++) {
                        results.add(JobResult.of(pending.get(i), idOf(batch.get(i)), outcomes.get(i)));
                    }
                    stored.addResults(jobId, results);
                });
                return true;
            } catch (DataAccessResourceFailureException e) {
                throw e; // the database is away: the job runs again later
            } catch (RuntimeException e) {
                log.info("Bulk job {}: the batch failed as a whole ({}); its records are written one by one", jobId, e.toString());
                return false;
            }
        }

        private void record(String jobId, BulkWrite write, Actor actor, int index, JsonNode record) {
            JobResult refused;
            try {
                transaction.executeWithoutResult(status -> {
                    stored.commitWithoutWaiting();
                    stored.addResult(jobId, JobResult.written(index, write.write(actor, record)));
                });
                return;
            } catch (ApiException refusal) {
                refused = JobResult.refused(index, idOf(record), refusal);
            } catch (DataIntegrityViolationException e) {
                refused = JobResult.refused(index, idOf(record), new ApiException(422, "RecordInvalid",
                        "A record with the same unique value already exists."));
            } catch (RuntimeException e) {
                if (e instanceof DataAccessResourceFailureException) {
                    throw e; // the database is away: the job runs again later, after the records done
                }
                log.warn("Bulk job {} record {} failed", jobId, index, e);
                refused = JobResult.refused(index, idOf(record), new ApiException(500, "InternalError",
                        "Something went wrong on our side; this record was not changed."));
            }
            JobResult result = refused;
            transaction.executeWithoutResult(status -> {
                stored.commitWithoutWaiting();
                stored.addResult(jobId, result);
            });
        }

        private static @Nullable Long idOf(JsonNode record) {
            JsonNode id = record.get("id");
            return id != null && id.canConvertToLong() ? id.longValue() : null;
        }

        private static Actor actor(JsonNode actor) {
            Set<String> groups = new HashSet<>();
            actor.get("groups").values().forEach(group -> groups.add(group.stringValue()));
            JsonNode organization = actor.get("organization_id");
            return new Actor(actor.get("user_id").longValue(), actor.get("email").stringValue(),
                    Role.fromCode(actor.get("role").stringValue()).orElseThrow(),
                    organization == null || organization.isNull() ? null : organization.longValue(), groups);
        }
    }
}
