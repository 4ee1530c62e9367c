package org.partnerdesk.partnerops.nfr.persistence;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Every NFR transition and certification change leaves who, what and the values, in the same transaction. */
@Repository
public class NfrAudits {

    private final JdbcClient db;
    private final JsonMapper json;

    NfrAudits(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public void record(@Nullable Long actorId, String entity, long entityId, String action, Map<String, ?> changes) {
        db.sql("insert into nfr_audits (actor_id, entity, entity_id, action, changes) values (?, ?, ?, ?, cast(? as jsonb))")
                .params(actorId, entity, entityId, action, json.writeValueAsString(changes)).update();
    }
}
