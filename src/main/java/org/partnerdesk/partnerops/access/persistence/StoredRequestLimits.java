package org.partnerdesk.partnerops.access.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The request_limits table: one counter per key and window, raised atomically by an upsert. */
@Repository
public class StoredRequestLimits {

    private final JdbcClient db;

    StoredRequestLimits(JdbcClient db) {
        this.db = db;
    }

    /** The number of hits in this window, this one included; its own transaction, so a refused request still counts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int hit(byte[] bucket, Instant windowStart) {
        return db.sql("""
                        insert into request_limits (bucket, window_start, hits) values (?, ?, 1)
                        on conflict (bucket, window_start) do update set hits = request_limits.hits + 1
                        returning hits""")
                .params(bucket, Timestamp.from(windowStart)).query(Integer.class).single();
    }

    @Transactional
    public int deleteBefore(Instant windowStart) {
        return db.sql("delete from request_limits where window_start < ?").param(Timestamp.from(windowStart)).update();
    }
}
