package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.util.List;

import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
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

    /** An end user of a premium customer and the ticket they filed on the Support form; an agent to act on it. */
    record Filed(Account requester, Account agent, Reply reply) {

        long id() {
            return reply.id("ticket");
        }
    }

    /** The arrangement lifecycle and priority tests share: a premium customer's end user files at this priority. */
    static Filed aPremiumCustomerFiles(Desk desk, String subject, String body, String priority) {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account requester = desk.endUserIn(acme);
        Account agent = desk.agent();
        Reply filed = requester.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"%s"},"ticket_form_id":%d,"priority":"%s"}}"""
                .formatted(subject, body, SUPPORT_FORM, priority));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return new Filed(requester, agent, filed);
    }

    /** ENT-1: an Open partner files on behalf of the customer's contact, with another contact CC'd; the ticket is the customer's. */
    static Reply anOpenPartnerFilesFor(Account partner, Org customer, Account requester, Account cc) {
        Reply filed = partner.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job dies"},"ticket_form_id":%d,
                 "custom_fields":[%s,%s],"email_ccs":[{"user_email":"%s"}]}}"""
                .formatted(OPEN_PARTNER_FORM, field(ORGANIZATION_EMAIL, requester.email()),
                        field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"), cc.email()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.at("/ticket/organization_id").longValue()).isEqualTo(customer.id());
        return filed;
    }
}
