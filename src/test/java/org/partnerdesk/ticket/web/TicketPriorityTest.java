package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.ticket.web.TicketState.assertRefusedBy;
import static org.partnerdesk.ticket.web.TicketState.put;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import tools.jackson.databind.JsonNode;

/**
 * TKT-3 [004] over the API: priority comes from the submitter's severity; an agent resets it later only with a public
 * comment that explains the change to the customer, and the audit keeps that explanation as the reason.
 */
class TicketPriorityTest extends ApiTest {

    private Account ann;
    private Account agent;
    private long id;

    @BeforeEach
    void annFilesAHighPriorityTicket() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Pipelines slow", "Jobs take an hour", "high");
        ann = filed.requester();
        agent = filed.agent();
        id = filed.id();
    }

    @Test
    void priorityIsSetAtCreationFromTheSubmittersSeverity() {
        assertThat(TicketState.of(desk, id).ticket().get("priority").stringValue()).isEqualTo("high");
        JsonNode created = TicketState.audits(desk, id).get(0).get("events").valueStream()
                .filter(e -> "priority".equals(e.get("field_name").stringValue())).findFirst().orElseThrow();
        assertThat(created.get("type").stringValue()).isEqualTo("Create");
        assertThat(created.get("value").stringValue()).isEqualTo("high");
    }

    @Test
    void agentResetsPriorityWithAPublicCommentAndTheAuditKeepsTheReason() {
        TicketState before = TicketState.of(desk, id);
        String explanation = "Only one project is slow and a workaround exists, so we are setting this to normal.";

        Reply reset = put(agent.api(), id, """
                {"priority":"normal","comment":{"body":"%s","public":true}}""".formatted(explanation));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.at("/ticket/priority").stringValue()).isEqualTo("normal");
        JsonNode change = TicketState.lastChangeOf(desk, id, "priority");
        assertThat(change.get("previous_value").stringValue()).isEqualTo("high");
        assertThat(change.get("reason").stringValue()).isEqualTo("TKT-3: " + explanation);
        TicketState after = TicketState.of(desk, id);
        assertThat(after.comments()).isEqualTo(before.comments() + 1);
        assertThat(after.audits()).isEqualTo(before.audits() + 1);
        JsonNode comments = ann.api().get("/api/v2/tickets/" + id + "/comments").json().get("comments");
        assertThat(comments.get(comments.size() - 1).get("body").stringValue()).isEqualTo(explanation);
    }

    @Test
    void reasonKeepsTheFirst200CharactersOfTheComment() {
        String explanation = "x".repeat(150) + " " + "y".repeat(150);

        Reply reset = put(agent.api(), id, """
                {"priority":"urgent","comment":{"body":"%s"}}""".formatted(explanation));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(TicketState.lastChangeOf(desk, id, "priority").get("reason").stringValue())
                .isEqualTo("TKT-3: " + explanation.substring(0, 200));
    }

    @Test
    void priorityChangeWithoutPublicCommentIsRefused() {
        TicketState before = TicketState.of(desk, id);

        Reply refused = put(agent.api(), id, "{\"priority\":\"urgent\"}");

        assertRefusedBy(refused, "priority", "TKT-3");
        assertThat(refused.at("/details/priority/0/description").stringValue()).contains("public comment");
        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    @Test
    void priorityChangeExplainedOnlyInAnInternalNoteIsRefused() {
        TicketState before = TicketState.of(desk, id);

        Reply refused = put(agent.api(), id, """
                {"priority":"low","status":"open","comment":{"body":"downgrading, customer is on a workaround","public":false}}""");

        assertRefusedBy(refused, "priority", "TKT-3");
        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    @Test
    void adminResetsPriorityUnderTheSameRule() {
        TicketState before = TicketState.of(desk, id);

        assertRefusedBy(put(desk.anAdmin().api(), id, "{\"priority\":\"low\"}"), "priority", "TKT-3");

        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    @Test
    void repeatingTheSamePriorityNeedsNoComment() {
        TicketState before = TicketState.of(desk, id);

        Reply same = put(agent.api(), id, "{\"priority\":\"high\"}");

        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(TicketState.of(desk, id).audits()).isEqualTo(before.audits());
    }

    @Test
    void requesterCannotChangePriority() {
        TicketState before = TicketState.of(desk, id);

        Reply refused = put(ann.api(), id, "{\"priority\":\"urgent\",\"comment\":{\"body\":\"this is blocking us\"}}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }
}
