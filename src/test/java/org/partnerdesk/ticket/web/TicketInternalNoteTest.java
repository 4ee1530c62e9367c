package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/**
 * TKT-1 (#10 item 3, #12): an agent may open a ticket with an internal note, which the requester never reads (not in
 * the comments, not as the description, not by searching, not by mail); an end user never writes one: a comment
 * that asks to be internal is refused with a 422 naming {@code comment.public}, on intake as on a reply.
 */
class TicketInternalNoteTest extends ApiTest {

    @Test
    void agentOpensATicketWithAnInternalNoteTheRequesterNeverReads() throws Exception {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account agent = desk.agent();
        String word = Desk.unique("legacyrunner").replace("-", "");
        String note = "Internal: Acme is on the " + word + " build, do not tell them yet";

        Reply opened = agent.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Upgrade check","requester_id":%d,"ticket_form_id":%d,"comment":{"body":"%s","public":false}}}"""
                .formatted(ann.id(), SUPPORT_FORM, note));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long id = opened.id("ticket");
        assertThat(opened.at("/ticket/description").stringValue()).as("the agent reads the note").isEqualTo(note);
        JsonNode staffComments = agent.api().get("/api/v2/tickets/" + id + "/comments").json().get("comments");
        assertThat(staffComments.get(0).get("body").stringValue()).isEqualTo(note);
        assertThat(staffComments.get(0).get("public").booleanValue()).isFalse();

        Reply seen = ann.api().get("/api/v2/tickets/" + id);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text()).doesNotContain(word);
        assertThat(ann.api().get("/api/v2/tickets").text()).doesNotContain(word);
        assertThat(ann.api().get("/api/v2/tickets/show_many?ids=" + id).text()).doesNotContain(word);
        assertThat(ann.api().get("/api/v2/tickets/" + id + "/comments").text()).doesNotContain(word);
        assertThat(ann.api().get("/api/v2/search?query=" + word).json().get("count").longValue()).isZero();
        assertThat(agent.api().get("/api/v2/search?query=" + word).json().get("count").longValue()).isEqualTo(1);
        Thread.sleep(1000); // the outbox would have mailed a public comment by now
        assertThat(mailsContaining(word)).as("an internal note is mailed to nobody").isEmpty();
    }

    @Test
    void theRequestersReplyToATicketOpenedWithAnInternalNoteIsPublicAndTheNoteStaysInternal() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account agent = desk.agent();
        long id = agent.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Check","requester_id":%d,"ticket_form_id":%d,"comment":{"body":"secret note","public":false}}}"""
                .formatted(ann.id(), SUPPORT_FORM)).id("ticket");

        Reply replied = TicketState.put(ann.api(), id, "{\"comment\":{\"body\":\"what is going on?\"}}");

        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        assertThat(replied.text()).doesNotContain("secret note");
        assertThat(bodies(ann.api().get("/api/v2/tickets/" + id + "/comments"))).contains("what is going on?")
                .doesNotContain("secret note");
    }

    @Test
    void anInternalNoteNeverBecomesTheSubject() {
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply opened = desk.agent().api().post("/api/v2/tickets", """
                {"ticket":{"requester_id":%d,"ticket_form_id":%d,"comment":{"body":"Churn risk: do not mention the price rise","public":false}}}"""
                .formatted(ann.id(), SUPPORT_FORM));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(ann.api().get("/api/v2/tickets/" + opened.id("ticket")).text()).doesNotContain("Churn risk");
    }

    @Test
    void endUserCannotOpenATicketWithAnInternalNote() {
        Account ann = desk.endUserIn(desk.aCustomer());
        String subject = Desk.unique("Only for agents");
        int before = ann.api().get("/api/v2/tickets").json().get("tickets").size();

        Reply refused = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","ticket_form_id":%d,"comment":{"body":"hidden?","public":false}}}""".formatted(subject, SUPPORT_FORM));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/error").stringValue()).isEqualTo("RecordInvalid");
        assertThat(refused.at("/details/comment.public/0/description").stringValue()).contains("only agents write internal notes");
        assertThat(ann.api().get("/api/v2/tickets").json().get("tickets").size()).isEqualTo(before);
    }

    @Test
    void endUserCannotAddAnInternalNoteToTheirTicket() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","ticket_form_id":%d,"comment":{"body":"first"}}}""".formatted(SUPPORT_FORM)).id("ticket");
        TicketState before = TicketState.of(desk, id);

        Reply refused = TicketState.put(ann.api(), id, "{\"comment\":{\"body\":\"only for the agents, please\",\"public\":false}}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/comment.public/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    private static List<String> bodies(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("comments").valueStream().map(c -> c.get("body").stringValue()).toList();
    }
}
