package org.partnerdesk.directory.persistence;

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

    public void record(@Nullable Long actorId, String entity, long entityId, String action, Map<String, ?> changes) {
        db.sql("insert into directory_audits (actor_id, entity, entity_id, action, changes) values (?, ?, ?, ?, cast(? as jsonb))")
                .params(actorId, entity, entityId, action, json.writeValueAsString(changes)).update();
    }
}
