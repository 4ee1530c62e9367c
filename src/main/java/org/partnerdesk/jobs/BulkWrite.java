package org.partnerdesk.jobs;

import java.util.List;
import java.util.function.BiFunction;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 item 3: one kind of bulk request (users' create_many, tickets' update_many), declared by the module that owns
 * the records: how one record of it is written, through the same facade as a single write, so every rule applies per record.
 */
public interface BulkWrite {

    /** The job's type, as a job status names it, e.g. {@code create_many_users}. */
    String jobType();

    /** Writes one record as {@code actor} in the caller's transaction; a refusal throws an {@code ApiException}. */
    Written write(Actor actor, JsonNode record);

    /** Whether {@link #writeAll} writes a job's records at once (else the job writes them one by one). */
    default boolean writesInBatches() {
        return false;
    }

    /**
     * Writes these records in the caller's transaction, each under the rules {@link #write} applies, and answers each one's
     * outcome in order; throws only when the batch as a whole fails, and then the job writes the records one by one.
     */
    default List<Outcome> writeAll(Actor actor, List<JsonNode> records) {
        throw new UnsupportedOperationException(jobType() + " writes one record at a time");
    }

    /** A bulk write of {@code jobType} that writes a record as {@code write} does. */
    static BulkWrite of(String jobType, BiFunction<Actor, JsonNode, Written> write) {
        return new BulkWrite() {
            @Override
            public String jobType() {
                return jobType;
            }

            @Override
            public Written write(Actor actor, JsonNode record) {
                return write.apply(actor, record);
            }
        };
    }

    /** Issue #17 item 3: a bulk write that writes a job's records as {@code writeAll} does, and one record as {@code write}. */
    static BulkWrite batched(String jobType, BiFunction<Actor, JsonNode, Written> write,
                             BiFunction<Actor, List<JsonNode>, List<Outcome>> writeAll) {
        return new BulkWrite() {
            @Override
            public String jobType() {
                return jobType;
            }

            @Override
            public Written write(Actor actor, JsonNode record) {
                return write.apply(actor, record);
            }

            @Override
            public boolean writesInBatches() {
                return true;
            }

            @Override
            public List<Outcome> writeAll(Actor actor, List<JsonNode> records) {
                return writeAll.apply(actor, records);
            }
        };
    }

    /** What became of one record of a batch: written, or refused as a single write would refuse it. */
    sealed interface Outcome permits Written, Refused {
    }

    /** The record written: its id, and whether it was created (else updated). */
    record Written(long id, boolean created) implements Outcome {
    }

    /** The record refused, and why, as the single write throws it. */
    record Refused(ApiException refusal) implements Outcome {
    }
}
