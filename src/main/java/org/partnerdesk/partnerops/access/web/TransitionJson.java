package org.partnerdesk.partnerops.access.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partnerdesk.partnerops.Transition;

/** A workflow step in the shape of a ticket audit: one {@code Change} of {@code status}, with its reason. */
public final class TransitionJson {

    private TransitionJson() {
    }

    public static Map<String, Object> json(Transition t) {
        return json(t, "reason");
    }

    /** PO-5's billing audits call the why a {@code note}. */
    public static Map<String, Object> json(Transition t, String reasonField) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "Change");
        event.put("field_name", "status");
        event.put("value", t.toStatus());
        event.put("previous_value", t.fromStatus());
        event.put(reasonField, t.reason());
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("id", t.id());
        audit.put(t.recordType() + "_id", t.recordId());
        audit.put("author_id", t.actorId());
        audit.put("created_at", t.createdAt());
        audit.put("events", List.of(event));
        return audit;
    }
}
