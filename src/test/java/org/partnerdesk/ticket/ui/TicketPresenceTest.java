package org.partnerdesk.ticket.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;

/** UI-1 collision: two agents on one ticket see each other live ("… is viewing", "… is replying") and its changes. */
class TicketPresenceTest extends BrowserTest {

    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

    @Test
    void twoAgentsOnOneTicketSeeEachOtherViewingAndReplying() {
        long ticket = aTicket();
        Desk.Account sue = withPassword(desk.agent());
        Desk.Account bob = withPassword(desk.agent());
        signIn(sue);
        page.navigate(at("/agent/tickets/" + ticket));
        BrowserContext bobsBrowser = newContext();
        try {
            Page bobsPage = bobsBrowser.newPage();
            signIn(bobsPage, bob);
            bobsPage.navigate(at("/agent/tickets/" + ticket));

            assertThat(presence(page)).containsText(bob.email() + " is viewing", SOON);
            assertThat(presence(bobsPage)).containsText(sue.email() + " is viewing", SOON);
            assertThat(presence(page)).not().containsText(sue.email());

            composer(bobsPage).fill("Have you tried restarting the runner?");

            assertThat(presence(page)).containsText(bob.email() + " is replying", SOON);
            assertAccessible();
        } finally {
            bobsBrowser.close();
        }
    }

    @Test
    void aChangeSomeoneElseSavesIsAnnouncedOnTheOpenPage() {
        long ticket = aTicket();
        Desk.Account sue = withPassword(desk.agent());
        signIn(sue);
        // the page's event stream is open once its answer's headers arrive
        page.waitForResponse(response -> response.url().contains("/live/stream"), () -> page.navigate(at("/agent/tickets/" + ticket)));

        desk.agent().api().put("/api/v2/tickets/" + ticket, """
                {"ticket": {"comment": {"body": "Escalating to the runner team.", "public": false}}}""");

        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Who else is on this ticket")))
                .containsText("This ticket changed since you opened it", SOON);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("reload"))).isVisible();
        assertAccessible();
    }

    private static Locator presence(Page on) {
        return on.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Who else is on this ticket"));
    }

    /** The composer's "Message" field (UI.md's label). */
    private static Locator composer(Page on) {
        return on.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
    }

    private long aTicket() {
        var customer = desk.endUserIn(desk.aCustomer());
        return customer.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "Runner stuck on pending", "ticket_form_id": %d,
                  "comment": {"body": "Since this morning every job waits."}}}""".formatted(SUPPORT_FORM))
                .at("/ticket/id").longValue();
    }
}
