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

/** TKT-1 over PUT /api/v2/tickets/{id}: the statuses a ticket moves through, who moves it, and that each move is audited. */
class TicketLifecycleTest extends ApiTest {

    private Account ann;
    private Account agent;
    private long id;

    @BeforeEach
    void annFilesATicket() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Runner crashes", "Every job dies", "normal");
        assertThat(filed.reply().at("/ticket/status").stringValue()).isEqualTo("new");
        ann = filed.requester();
        agent = filed.agent();
        id = filed.id();
    }

    @Test
    void agentsFirstPublicReplyOpensANewTicket() {
        Reply replied = put(agent.api(), id, """
                {"comment":{"body":"Looking into it"}}""");

        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        assertThat(replied.at("/ticket/status").stringValue()).isEqualTo("open");
        JsonNode change = TicketState.lastChangeOf(desk, id, "status");
        assertThat(change.get("previous_value").stringValue()).isEqualTo("new");
        assertThat(change.get("value").stringValue()).isEqualTo("open");
    }

    @Test
    void agentsInternalNoteLeavesANewTicketNew() {
        Reply noted = put(agent.api(), id, """
                {"comment":{"body":"customer is on a legacy runner","public":false}}""");

        assertThat(noted.status()).as(noted.toString()).isEqualTo(200);
        assertThat(noted.at("/ticket/status").stringValue()).isEqualTo("new");
    }

    @Test
    void agentsReplyWithAStatusTakesThatStatus() {
        Reply replied = put(agent.api(), id, """
                {"status":"pending","comment":{"body":"Could you send the runner logs?"}}""");

        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        assertThat(replied.at("/ticket/status").stringValue()).isEqualTo("pending");
    }

    @Test
    void ticketMovesFromNewToClosedAndEveryStepIsAudited() {
        String previous = "new";
        for (String next : new String[] {"open", "pending", "hold", "solved", "closed"}) {
            int audits = TicketState.audits(desk, id).size();

            Reply moved = put(agent.api(), id, "{\"status\":\"" + next + "\"}");

            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.at("/ticket/status").stringValue()).isEqualTo(next);
            assertThat(TicketState.audits(desk, id).size()).isEqualTo(audits + 1);
            JsonNode change = TicketState.lastChangeOf(desk, id, "status");
            assertThat(change.get("previous_value").stringValue()).isEqualTo(previous);
            assertThat(change.get("value").stringValue()).isEqualTo(next);
            previous = next;
        }
    }

    @Test
    void closedTicketCannotReopen() {
        moveTo("solved");
        moveTo("closed");
        TicketState before = TicketState.of(desk, id);

        assertRefusedBy(put(agent.api(), id, "{\"status\":\"open\"}"), "status", "TKT-1");
        assertRefusedBy(put(agent.api(), id, "{\"comment\":{\"body\":\"one more thing\"}}"), "status", "TKT-1");
        assertRefusedBy(put(ann.api(), id, "{\"comment\":{\"body\":\"it broke again\"}}"), "status", "TKT-1");

        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    @Test
    void nothingGoesBackToNew() {
        moveTo("open");
        TicketState before = TicketState.of(desk, id);

        Reply refused = put(agent.api(), id, "{\"status\":\"new\",\"comment\":{\"body\":\"starting over\"}}");

        assertRefusedBy(refused, "status", "TKT-1");
        assertThat(refused.at("/details/status/0/description").stringValue()).contains("cannot become new");
        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    @Test
    void ticketIsSolvedBeforeItIsClosed() {
        moveTo("open");
        TicketState before = TicketState.of(desk, id);

        assertRefusedBy(put(agent.api(), id, "{\"status\":\"closed\"}"), "status", "TKT-1");

        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    @Test
    void requesterCannotSetAStatusOtherThanSolved() { // issue #15: solved became the requester's own step
        TicketState before = TicketState.of(desk, id);

        Reply refused = put(ann.api(), id, "{\"status\":\"pending\",\"comment\":{\"body\":\"waiting on myself\"}}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    @Test
    void requesterMarksTheirTicketSolvedAndTheMoveIsAudited() {
        moveTo("open");

        Reply solved = put(ann.api(), id, "{\"status\":\"solved\",\"comment\":{\"body\":\"fixed it myself\"}}");

        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
        assertThat(solved.at("/ticket/status").stringValue()).isEqualTo("solved");
        assertThat(TicketState.lastChangeOf(desk, id, "status").get("previous_value").stringValue()).isEqualTo("open");
    }

    @Test
    void ccdPersonCannotMarkSomeoneElsesTicketSolved() {
        Account colleague = desk.stranger();
        assertThat(put(ann.api(), id, "{\"email_ccs\":[{\"user_email\":\"" + colleague.email() + "\"}]}").status()).isEqualTo(200);
        TicketState before = TicketState.of(desk, id);

        Reply refused = put(colleague.api(), id, "{\"status\":\"solved\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.at("/description").stringValue()).contains("the requester or the person who filed it can mark it solved");
        assertThat(TicketState.of(desk, id)).isEqualTo(before);
    }

    @Test
    void requestersReplyReopensASolvedTicket() {
        moveTo("solved");

        Reply replied = put(ann.api(), id, "{\"comment\":{\"body\":\"it is back\"}}");

        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        assertThat(replied.at("/ticket/status").stringValue()).isEqualTo("open");
        assertThat(TicketState.lastChangeOf(desk, id, "status").get("previous_value").stringValue()).isEqualTo("solved");
    }

    private void moveTo(String status) {
        Reply moved = put(agent.api(), id, "{\"status\":\"" + status + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }
}
