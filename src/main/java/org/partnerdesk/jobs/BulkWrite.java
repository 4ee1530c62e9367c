package org.partnerdesk.jobs;

import java.util.function.BiFunction;

import org.partnerdesk.api.Actor;
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

    /** The record written: its id, and whether it was created (else updated). */
    record Written(long id, boolean created) {
    }
}
