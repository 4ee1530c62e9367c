package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;

/** UI-1 agent console: the ticket page at the address agents bookmark, /agent/tickets/{id}. */
class TicketPageTest extends BrowserTest {

    @Test
    void anAgentOpensATicketAndReadsItsConversation() {
        var customer = desk.endUserIn(desk.aCustomer());
        long id = customer.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "Runner stuck on pending", "ticket_form_id": %d,
                  "comment": {"body": "Since this morning every job waits."}}}""".formatted(SUPPORT_FORM))
                .at("/ticket/id").longValue();
        signIn(withPassword(desk.agent()));

        page.navigate(at("/agent/tickets/" + id));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).contains("Runner stuck on pending");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Conversation")).textContent())
                .contains("Since this morning every job waits.");
        assertAccessible();
    }
}
