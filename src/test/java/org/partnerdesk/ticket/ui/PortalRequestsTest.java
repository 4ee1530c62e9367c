package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/** UI-1 portal (issue #15): the lists of requests and the request page at /portal/requests/{id}, in a real browser. */
class PortalRequestsTest extends BrowserTest {

    @Test
    void aCustomerRepliesOnTheRequestPageAndNeverSeesTheAgentsInternalNote() {
        Account ann = withPassword(desk.endUserIn(desk.aCustomer()));
        long id = file(ann, "Export to CSV times out");
        Account agent = desk.agent();
        assertThat(agent.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"Internal: the export worker is saturated, ask engineering.","public":false}}}""").status())
                .isEqualTo(200);
        assertThat(agent.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"Could you tell us how many rows the export holds?"},"status":"pending"}}""").status())
                .isEqualTo(200);
        signIn(ann);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export to CSV times out")).click();
        page.getByLabel("Message").fill("About 2 million rows.");
        page.waitForNavigation(() -> button("Send reply").click());

        assertThat(page.locator("#flash").textContent()).contains("Your reply was sent.");
        String conversation = conversation().textContent();
        assertThat(conversation).contains("Could you tell us how many rows", "About 2 million rows.").doesNotContain("export worker is saturated");
        assertThat(page.content()).doesNotContain("export worker is saturated");
        assertThat(page.locator(".request-facts").textContent()).contains("Open");
        assertAccessible();
        screenshot("portal-request");
    }

    @Test
    void aPartnerFindsTheRequestFiledForACustomerUnderForMyCustomers() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account sam = withPassword(desk.endUserIn(desk.aPartner("open")));
        PortalRequestPagesTest.fileOnBehalf(sam, ann, "Acme: merge trains stuck");
        file(sam, "ResellCo's own CI is slow");
        signIn(sam);

        nav("For my customers").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).isEqualTo("Requests for my customers");
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Acme: merge trains stuck"));
        assertThat(row.textContent()).contains(acme.name(), "New");
        assertThat(page.getByRole(AriaRole.TABLE).textContent()).doesNotContain("ResellCo's own CI is slow");
        assertAccessible();

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Acme: merge trains stuck")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).contains("Acme: merge trains stuck");
        page.getByLabel("Add CC (e-mail)").fill("cto@" + acme.domain());
        page.waitForNavigation(() -> button("Update CCs").click());
        assertThat(page.locator("#flash").textContent()).contains("The CCs were updated.");
        assertThat(page.locator(".ccs-panel").textContent()).contains("Remove", "cto@" + acme.domain());
        assertAccessible();
    }

    @Test
    void aCcdPersonSeesTheRequestUnderCcdAndTheStatusFilterNarrowsMyRequests() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account carl = withPassword(desk.stranger());
        long copied = file(ann, "Ann's question with Carl copied");
        assertThat(ann.api().put("/api/v2/tickets/" + copied, "{\"ticket\":{\"email_ccs\":[{\"user_email\":\"" + carl.email() + "\"}]}}")
                .status()).isEqualTo(200);
        long solved = file(carl, "Carl's solved question");
        file(carl, "Carl's new question");
        assertThat(desk.agent().api().put("/api/v2/tickets/" + solved, "{\"ticket\":{\"comment\":{\"body\":\"Done.\"},\"status\":\"solved\"}}")
                .status()).isEqualTo(200);
        signIn(carl);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).isEqualTo("My requests");
        assertThat(table()).contains("Carl's solved question", "Carl's new question").doesNotContain("Ann's question");
        assertAccessible();
        screenshot("portal-my-requests");

        page.getByLabel("Status").selectOption("solved");
        page.waitForNavigation(() -> button("Filter").click());
        assertThat(table()).contains("Carl's solved question", "Solved").doesNotContain("Carl's new question");
        page.getByLabel("Status").selectOption("hold");
        page.waitForNavigation(() -> button("Filter").click());
        assertThat(page.locator("main").textContent()).contains("You have no requests with the status On hold.");
        assertAccessible();

        nav("CC'd").click();
        assertThat(table()).contains("Ann's question with Carl copied").doesNotContain("Carl's new question");
        assertAccessible();
        nav("My organization").click();
        assertThat(page.locator(".refusal").textContent()).contains("belongs to no organization");
        assertAccessible();
    }

    @Test
    void anotherOrganizationsRequestIsANotFoundPage() {
        long id = file(desk.endUserIn(desk.aCustomer()), "Someone else's outage");
        signIn(withPassword(desk.endUserIn(desk.aCustomer())));

        var response = page.navigate(at("/portal/requests/" + id));

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main").textContent()).contains("Not found").doesNotContain("Someone else's outage");
        assertAccessible();
    }

    private Locator nav(String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Portal"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator conversation() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Conversation"));
    }

    private String table() {
        return page.getByRole(AriaRole.TABLE).textContent();
    }

    private static long file(Account requester, String subject) {
        Reply created = requester.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"Please help with this."}}}""".formatted(subject));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }
}
