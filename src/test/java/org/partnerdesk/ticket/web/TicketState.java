package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk;
import tools.jackson.databind.JsonNode;

/** A ticket as the admin sees it, with its comments and audits counted: a refused PUT must leave all of it as it was. */
record TicketState(JsonNode ticket, int comments, int audits) {

    static TicketState of(Desk desk, long id) {
        return new TicketState(desk.admin.get("/api/v2/tickets/" + id).json().get("ticket"),
                desk.admin.get("/api/v2/tickets/" + id + "/comments").json().get("comments").size(),
                audits(desk, id).size());
    }

    static JsonNode audits(Desk desk, long id) {
        return desk.admin.get("/api/v2/tickets/" + id + "/audits").json().get("audits");
    }

    /** The events of the last audit that changed this field. */
    static JsonNode lastChangeOf(Desk desk, long id, String field) {
        JsonNode found = null;
        for (JsonNode audit : audits(desk, id)) {
            for (JsonNode event : audit.get("events")) {
                if ("Change".equals(event.get("type").stringValue()) && field.equals(event.get("field_name").stringValue())) {
                    found = event;
                }
            }
        }
        assertThat(found).as("a Change of " + field).isNotNull();
        return found;
    }

    static List<Long> ids(JsonNode list) {
        return list.valueStream().map(JsonNode::longValue).toList();
    }

    static Reply put(ApiClient api, long id, String ticketJson) {
        return api.put("/api/v2/tickets/" + id, "{\"ticket\":" + ticketJson + "}");
    }

    /** A 422 naming the rule on the field, as SPEC 7 and DESIGN.md write refusals. */
    static void assertRefusedBy(Reply reply, String field, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.at("/details/" + field + "/0/error").stringValue()).as(reply.toString()).isEqualTo(rule);
        assertThat(reply.at("/description").stringValue()).contains(rule);
    }
}
