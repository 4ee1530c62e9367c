package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.PageSession;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #17 item 5 in the consoles: a deleted ticket is in no portal request list and no agent queue page, its agent
 * and portal pages answer 404 as for a ticket that never was, and nobody reports presence on it.
 */
class DeletedTicketPagesTest extends ApiTest {

    @Autowired
    Passwords passwords;

    @Test
    void aDeletedTicketLeavesThePortalListsTheAgentConsoleAndPresence() {
        Account ann = desk.endUserIn(desk.aCustomer());
        String subject = Desk.unique("Deleted from the consoles");
        Reply filed = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"It broke"},"ticket_form_id":%d}}""".formatted(subject, Desk.SUPPORT_FORM));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long id = filed.id("ticket");
        PageSession portal = PageSession.signedIn(baseUrl(), passwords, ann);
        Account agent = desk.agent();
        assertThat(desk.admin.put("/api/v2/tickets/" + id, "{\"ticket\":{\"assignee_id\":%d}}".formatted(agent.id())).status())
                .isEqualTo(200);
        PageSession console = PageSession.signedIn(baseUrl(), passwords, agent);
        assertThat(portal.get("/portal/requests").body()).contains(subject);
        assertThat(console.get("/agent?view=mine").body()).contains(subject);

        assertThat(desk.supportManager().delete("/api/v2/tickets/" + id).status()).isEqualTo(204);

        assertThat(portal.get("/portal/requests").body()).doesNotContain(subject);
        assertThat(portal.get("/portal/requests/" + id).statusCode()).isEqualTo(404);
        assertThat(console.get("/agent?view=mine").body()).doesNotContain(subject);
        assertThat(console.get("/agent/tickets/" + id).statusCode()).isEqualTo(404);
        assertThat(console.get("/agent/search?q=" + PageSession.encode(subject)).body()).as("the page repeats the query, links no result")
                .doesNotContainPattern("/agent/tickets/" + id + "[\"?#]");
        assertThat(console.post("/live/presence", "ticket=" + id + "&state=viewing").statusCode()).isEqualTo(404);
    }
}
