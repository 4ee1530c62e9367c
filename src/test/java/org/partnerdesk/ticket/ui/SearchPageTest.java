package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;

/** UI-1 agent console: TKT-6 search at /agent/search, with its help and the API's reasons for a query it cannot read. */
class SearchPageTest extends BrowserTest {

    @Test
    void searchingStatusOpenFindsTheTicketAndItsLinkOpensIt() {
        var customer = desk.endUserIn(desk.aCustomer());
        long id = ticket(customer, "Nightly export stops at 80 percent");
        var agent = withPassword(desk.agent());
        assertThat(agent.api().put("/api/v2/tickets/" + id, """
                {"ticket": {"status": "open"}}""").status()).isEqualTo(200);
        signIn(agent);

        page.navigate(at("/agent/search"));
        page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("status:open requester:" + customer.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();

        var results = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Results"));
        assertThat(results.textContent()).contains("1 ticket matches").contains("open").contains(customer.email());
        assertAccessible();
        screenshot("agent-search");
        results.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Nightly export stops at 80 percent")).click();
        page.waitForURL(url -> url.endsWith("/agent/tickets/" + id));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent())
                .contains("Nightly export stops at 80 percent");
    }

    @Test
    void aQueryTheDeskCannotReadShowsTheReasonBesideTheField() {
        signIn(withPassword(desk.agent()));

        var response = page.navigate(at("/agent/search?q=colour:blue"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("Unknown search term \"colour:blue\"").contains("status");
        var field = page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true));
        assertThat(field.inputValue()).isEqualTo("colour:blue");
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).isEqualTo("Search");
        assertAccessible();
    }

    @Test
    void theHelpOpensFromTheKeyboardAndListsTheSyntax() {
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/search"));
        var help = page.locator("details.search-help");
        assertThat(help.getAttribute("open")).isNull();

        page.keyboard().press("/");
        assertThat((Boolean) page.evaluate("document.activeElement.hasAttribute('data-search-field')")).isTrue();
        page.keyboard().press("Tab"); // the Search button
        page.keyboard().press("Tab"); // the help's summary
        page.keyboard().press("Enter");

        assertThat(help.getAttribute("open")).isNotNull();
        var syntax = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Search terms (TKT-6, Zendesk's syntax)"));
        assertThat(syntax.textContent()).contains("status:open", "priority>normal", "requester:ann@acme.test", "organization:",
                "tags:vip", "flag:needs_org", "created>2026-01-01");
        assertAccessible();
    }

    private long ticket(Desk.Account requester, String subject) {
        return requester.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "%s", "ticket_form_id": %d, "comment": {"body": "It worked until Monday."}}}"""
                .formatted(subject, SUPPORT_FORM)).at("/ticket/id").longValue();
    }
}
