package org.partnerdesk.partnerops.nfr.persistence;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.partnerops.NfrAudit;
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

    /** One entity's audits, oldest first, after the cursor. */
    public List<NfrAudit> of(String entity, long entityId, long afterId, int limit) {
        return db.sql("""
                        select id, actor_id, entity, entity_id, action, changes::text as changes, created_at
                        from nfr_audits where entity = ? and entity_id = ? and id > ? order by id limit ?""")
                .params(entity, entityId, afterId, limit)
                .query((rs, row) -> new NfrAudit(rs.getLong("id"), (Long) rs.getObject("actor_id"), rs.getString("entity"),
                        rs.getLong("entity_id"), rs.getString("action"), changes(rs.getString("changes")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> changes(String text) {
        return json.readValue(text, Map.class);
    }
}
