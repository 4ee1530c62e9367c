package org.partnerdesk.directory.persistence;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Every directory write leaves who, what and the values it set, in the same transaction. */
@Repository
public class DirectoryAudits {

    private final JdbcClient db;
    private final JsonMapper json;

    DirectoryAudits(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One audit row per entity in one statement, for the CRM import's bulk writes (DIR-7). */
    public void recordAll(@Nullable Long actorId, String entity, String action, List<Long> entityIds, List<? extends Map<String, ?>> changes) {
        if (entityIds.isEmpty()) {
            return;
        }
        db.sql("insert into directory_audits (actor_id, entity, entity_id, action, changes)"
                        + " select cast(? as bigint), cast(? as text), v.entity_id, cast(? as text), cast(v.changes as jsonb) from unnest(?::bigint[], ?::text[]) v(entity_id, changes)")
                .params(actorId, entity, action, entityIds.toArray(Long[]::new),
                        changes.stream().map(json::writeValueAsString).toArray(String[]::new))
                .update();
    }

    public void record(@Nullable Long actorId, String entity, long entityId, String action, Map<String, ?> changes) {
        db.sql("insert into directory_audits (actor_id, entity, entity_id, action, changes) values (?, ?, ?, ?, cast(? as jsonb))")
                .params(actorId, entity, entityId, action, json.writeValueAsString(changes)).update();
    }
}
