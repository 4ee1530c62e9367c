package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/**
 * #13: the ticket module's records write Zendesk's shapes as the maps before them did: the same properties in the
 * same order, nulls written, and a Create event without {@code previous_value}.
 */
class TicketWireShapeTest extends ApiTest {

    private static final List<String> TICKET = List.of("id", "url", "external_id", "subject", "raw_subject", "description",
            "status", "priority", "type", "requester_id", "submitter_id", "organization_id", "assignee_id", "group_id",
            "collaborator_ids", "email_cc_ids", "follower_ids", "tags", "custom_fields", "fields", "ticket_form_id", "via",
            "is_public", "has_incidents", "created_at", "updated_at");

    @Test
    void ticketsCommentsAndPagesKeepZendesksPropertiesInTheirOrder() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account agent = desk.agent();

        Reply created = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner","comment":{"body":"crashes"},"ticket_form_id":%d}}""".formatted(SUPPORT_FORM));
        long id = created.id("ticket");

        assertThat(created.text()).startsWith("{\"ticket\":{\"id\":" + id + ",");
        assertThat(names(created.at("/ticket"))).containsExactlyElementsOf(TICKET);
        assertThat(created.at("/ticket/external_id").isNull()).isTrue();
        assertThat(created.at("/ticket/via").toString()).isEqualTo("{\"channel\":\"api\"}");
        assertThat(names(agent.api().get("/api/v2/tickets/" + id + "?include=slas").at("/ticket")))
                .containsExactlyElementsOf(with(TICKET, "slas"));
        assertThat(names(agent.api().get("/api/v2/search?query=type:ticket").at("/results/0")))
                .containsExactlyElementsOf(with(TICKET, "result_type"));
        assertThat(names(agent.api().get("/api/v2/views/tickets?sort=id&organization_id=" + acme.id()).at("/tickets/0")))
                .containsExactlyElementsOf(with(TICKET, "sla_due_at"));
        Reply comments = ann.api().get("/api/v2/tickets/" + id + "/comments?page[size]=1");
        assertThat(names(comments.json())).containsExactly("comments", "meta", "links", "next_page");
        assertThat(names(comments.at("/comments/0"))).containsExactly("id", "type", "author_id", "body", "plain_body",
                "html_body", "public", "attachments", "created_at");
        assertThat(comments.at("/meta").toString()).startsWith("{\"has_more\":false,\"after_cursor\":").endsWith(",\"before_cursor\":null}");
        assertThat(comments.at("/links").toString()).isEqualTo("{\"next\":null,\"prev\":null}");
    }

    @Test
    void aCreateEventHasNoPreviousValueAndAChangeEventWritesItEvenWhenNull() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account agent = desk.agent();
        long id = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner","comment":{"body":"crashes"},"ticket_form_id":%d}}""".formatted(SUPPORT_FORM)).id("ticket");
        Reply assigned = agent.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"assignee_id":%d}}""".formatted(agent.id()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

        JsonNode audits = agent.api().get("/api/v2/tickets/" + id + "/audits").at("/audits");

        assertThat(names(audits.get(0))).containsExactly("id", "ticket_id", "author_id", "created_at", "events");
        assertThat(names(audits.at("/0/events/0"))).containsExactly("id", "type", "field_name", "value", "reason");
        JsonNode assignee = audits.get(audits.size() - 1).get("events").valueStream()
                .filter(e -> e.get("field_name").stringValue().equals("assignee_id")).findFirst().orElseThrow();
        assertThat(names(assignee)).containsExactly("id", "type", "field_name", "value", "previous_value", "reason");
        assertThat(assignee.get("previous_value").isNull()).isTrue();
    }

    private static List<String> names(JsonNode object) {
        return List.copyOf(object.propertyNames());
    }

    private static List<String> with(List<String> names, String last) {
        return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
