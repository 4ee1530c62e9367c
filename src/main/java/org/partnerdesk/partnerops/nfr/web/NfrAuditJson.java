package org.partnerdesk.partnerops.nfr.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnerdesk.partnerops.NfrAudit;

/** Zendesk's audit shape for NFR audits (PO-3, PO-4): one Change event per value the transition set. */
final class NfrAuditJson {

    private NfrAuditJson() {
    }

    static Map<String, Object> json(NfrAudit audit, String idField) {
        List<Map<String, Object>> events = new ArrayList<>();
        audit.changes().forEach((field, value) -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "Change");
            event.put("field_name", field);
            event.put("value", value);
            events.add(event);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", audit.id());
        json.put(idField, audit.entityId());
        json.put("author_id", audit.authorId());
        json.put("action", audit.action());
        json.put("created_at", audit.createdAt());
        json.put("events", events);
        return json;
    }
}
