package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;

/**
 * UI-1 (WCAG 2.1.1): the agent's first flow with the keyboard alone: sign in, open the most urgent ticket from the
 * queue, write an internal note, reply in public as pending, and land on the next ticket. The test only watches where
 * the focus is; every action is a key press.
 */
class KeyboardOnlyFlowTest extends BrowserTest {

    @Test
    void anAgentWorksTheFirstFlowWithTheKeyboardAlone() {
        var acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        files(ann, "Keyboard flow: production down", "urgent");
        files(ann, "Keyboard flow: a question", "low");
        var agent = withPassword(desk.agent());

        page.navigate(at("/sign-in"));
        tabTo(page.getByLabel("Email"));
        page.keyboard().type(agent.email());
        tabTo(page.getByLabel("Password"));
        page.keyboard().type(PASSWORD);
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        assertThat(page.url()).endsWith("/agent");

        page.keyboard().press("j"); // the most urgent ticket of the queue: the first row
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        long opened = Long.parseLong(page.url().replaceAll(".*/agent/tickets/(\\d+).*", "$1"));

        tabTo(radio("Public reply"));
        page.keyboard().press("ArrowRight"); // arrows move within a radio group: to "Internal note"
        assertThat(radio("Internal note").isChecked()).isTrue();
        tabTo(page.getByLabel("Message"));
        page.keyboard().type("Keyboard only: the runner lost its token.");
        tabTo(page.getByLabel("Stay on this ticket"));
        page.keyboard().press("Space");
        tabTo(submit());
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        assertThat(page.url()).contains("/agent/tickets/" + opened);

        tabTo(radio("Public reply"));
        if (!radio("Public reply").isChecked()) {
            page.keyboard().press("ArrowLeft");
        }
        tabTo(page.getByLabel("Message"));
        page.keyboard().type("Keyboard only: could you send the runner's log?");
        tabTo(page.getByLabel("Status"));
        for (int i = 0; i < 6 && !"pending".equals(page.getByLabel("Status").inputValue()); i++) {
            page.keyboard().press("ArrowDown"); // a focused select steps through its options: "Submit as Pending"
        }
        assertThat(page.getByLabel("Status").inputValue()).isEqualTo("pending");
        if (page.getByLabel("Stay on this ticket").isChecked()) {
            tabTo(page.getByLabel("Stay on this ticket"));
            page.keyboard().press("Space");
        }
        tabTo(page.getByLabel("Message"));
        page.waitForNavigation(() -> page.keyboard().press("Control+Enter"));

        assertThat(page.url()).contains("/agent/tickets/").doesNotContain("/agent/tickets/" + opened + "?")
                .doesNotEndWith("/agent/tickets/" + opened);
        assertThat(desk.admin.get("/api/v2/tickets/" + opened).at("/ticket/status").stringValue()).isEqualTo("pending");
        assertThat(desk.admin.get("/api/v2/tickets/" + opened + "/comments").text())
                .contains("the runner lost its token", "could you send the runner's log?");
    }

    private Locator submit() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true));
    }

    private Locator radio(String name) {
        return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Presses Tab until {@code target} has the focus; fails if 300 presses never reach it. */
    private void tabTo(Locator target) {
        for (int i = 0; i < 300; i++) {
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + target);
    }

    private long files(Account requester, String subject, String priority) {
        return requester.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "%s", "ticket_form_id": %d, "priority": "%s", "comment": {"body": "Please help: %s."}}}"""
                .formatted(subject, SUPPORT_FORM, priority, subject)).at("/ticket/id").longValue();
    }
}
