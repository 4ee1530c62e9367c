package org.partnerdesk.jobs;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.jobs.persistence.StoredJobStatuses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17 item 3: bulk requests run as jobs (Zendesk's job statuses). A job's records are stored with it and its run is a
 * one-time task on the job scheduler, both in one transaction: a queued job survives a restart and runs on one node. A job
 * status is for the person who started it and for admins; anyone else reads it as missing.
 */
@Service
public class JobStatuses {

    /** Zendesk's limit on the records of one bulk request. */
    public static final int MAX_RECORDS = 100;

    static final TaskDescriptor<Void> BULK_JOB = TaskDescriptor.of("bulk-job");

    /** How many job statuses the list shows, newest first. */
    static final int LATEST = 100;

    /** How many expired job statuses one clean-up transaction deletes. */
    static final int CLEANUP_BATCH = 1_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A job's id, 32 hex digits as Zendesk's; anything else names no job and is not looked up. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final StoredJobStatuses stored;
    private final ObjectProvider<ImmediateRuns> immediately;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration keptFor;

    JobStatuses(StoredJobStatuses stored, ObjectProvider<ImmediateRuns> immediately, JsonMapper json, Clock clock,
                @Value("${partnerdesk.jobs.job-statuses-kept-for:P1D}") Duration keptFor) {
        this.stored = stored;
        this.immediately = immediately;
        this.json = json;
        this.clock = clock;
        this.keptFor = keptFor;
    }

    /** Queues a job of {@code jobType} over {@code records} for {@code actor}; the caller has authorized the request. */
    @Transactional
    public JobStatus start(Actor actor, String jobType, List<JsonNode> records) {
        if (records.isEmpty() || records.size() > MAX_RECORDS) {
            throw ApiException.badRequest("InvalidRequest", "A bulk request takes 1 to " + MAX_RECORDS + " records.");
        }
        String id = HexFormat.of().formatHex(bytes());
        Instant created = stored.insert(id, jobType, actor.userId(), json.writeValueAsString(actorJson(actor)),
                json.writeValueAsString(records), records.size(), BULK_JOB.getTaskName());
        // issue #17 item 1: once committed the job runs at once on this node; the scheduler would find it at its next poll
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                immediately.ifAvailable(runs -> runs.submit(id));
            }
        });
        return new JobStatus(id, jobType, actor.userId(), "queued", records.size(), List.of(), null, created, null, null);
    }

    /**
     * The records of a bulk request body, {@code {"users":[{…},…]}}: 1 to {@link #MAX_RECORDS} objects, else a 400 (each
     * record's own fields are checked when the job writes it, and reported in its result).
     */
    public static List<JsonNode> recordsOf(JsonNode body, String root) {
        JsonNode records = body == null || !body.isObject() ? null : body.get(root);
        if (records == null || !records.isArray() || records.isEmpty() || records.size() > MAX_RECORDS) {
            throw ApiException.badRequest("InvalidRequest", "The request body must be a JSON object with a \"" + root
                    + "\" list of 1 to " + MAX_RECORDS + " objects at its root.");
        }
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode record : records.values()) {
            if (!record.isObject()) {
                throw ApiException.badRequest("InvalidRequest", "Each of \"" + root + "\" must be a JSON object.");
            }
            list.add(record);
        }
        return list;
    }

    /** A job status the actor may read; one expired (kept a day, as Zendesk) is missing even before the clean-up deletes it. */
    public JobStatus find(Actor actor, String id) {
        return (ID.matcher(id).matches() ? stored.find(id) : Optional.<JobStatus>empty()).filter(job -> mayRead(actor, job) && isKept(job))
                .orElseThrow(() -> ApiException.notFound("Job status " + id));
    }

    /** The latest jobs the actor started (an admin: everyone's), newest first. */
    public List<JobStatus> latest(Actor actor) {
        return stored.latest(actor.isAdmin() ? null : actor.userId(), LATEST).stream().filter(this::isKept).toList();
    }

    /** Issue #17: deletes a batch of finished job statuses older than they are kept; answers how many. */
    @Transactional
    public int deleteExpired(Instant now) {
        return stored.deleteFinishedBefore(now.minus(keptFor), CLEANUP_BATCH);
    }

    private boolean isKept(JobStatus job) {
        return job.createdAt().isAfter(clock.instant().minus(keptFor));
    }

    /** The jobs with these ids that the actor may read; others are left out as missing. */
    public List<JobStatus> findMany(Actor actor, List<String> ids) {
        if (ids.size() > MAX_RECORDS) {
            throw ApiException.badRequest("InvalidParameter", "show_many takes at most " + MAX_RECORDS + " ids");
        }
        return stored.findAll(ids.stream().filter(id -> ID.matcher(id).matches()).toList()).stream()
                .filter(job -> mayRead(actor, job) && isKept(job)).toList();
    }

    private static boolean mayRead(Actor actor, JobStatus job) {
        return actor.isAdmin() || job.startedBy() == actor.userId();
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, Object> actorJson(Actor actor) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("user_id", actor.userId());
        values.put("email", actor.email());
        values.put("role", actor.role().code());
        values.put("organization_id", actor.organizationId());
        values.put("groups", List.copyOf(actor.groups()));
        return values;
    }
}
