package org.partnerdesk.partnerops.access.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.Transition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The onboarding_transitions table: the audit of PO-1 and PO-2, written in the transaction of each step. */
@Repository
public class StoredTransitions {

    private final JdbcClient db;

    StoredTransitions(JdbcClient db) {
        this.db = db;
    }

    public void record(String recordType, long recordId, @Nullable Long actorId, @Nullable String from, String to,
                       @Nullable String reason, Instant at) {
        db.sql("insert into onboarding_transitions (record_type, record_id, actor_id, from_status, to_status, reason, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(recordType, recordId, actorId, from, to, reason, Timestamp.from(at)).update();
    }

    public List<Transition> of(String recordType, long recordId, long afterId, int limit) {
        return db.sql("select id, record_type, record_id, actor_id, from_status, to_status, reason, created_at"
                        + " from onboarding_transitions where record_type = ? and record_id = ? and id > ? order by id limit ?")
                .params(recordType, recordId, afterId, limit)
                .query((rs, n) -> new Transition(rs.getLong("id"), rs.getString("record_type"), rs.getLong("record_id"),
                        (Long) rs.getObject("actor_id"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("reason"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
