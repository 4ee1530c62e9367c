package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;

/**
 * UI-1 progressive enhancement: with JavaScript turned off the agent still signs in, opens a ticket from the queue,
 * writes an internal note, replies in public as pending, lands on the next ticket, and bulk-updates from the queue:
 * every form is a plain page post.
 */
class WithoutScriptFlowTest extends BrowserTest {

    private BrowserContext noScript;
    private Page plain;

    @BeforeEach
    void openBrowserWithoutScript() {
        noScript = newContextWithoutScript();
        plain = noScript.newPage();
    }

    @AfterEach
    void closeIt() {
        noScript.close();
    }

    @Test
    void theAgentsFirstFlowWorksWithoutJavaScript() {
        var acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account agent = withPassword(desk.agent());
        long urgent = files(ann, "No script: production down", "urgent", agent);
        long question = files(ann, "No script: a question", "low", agent);

        signIn(plain, agent);
        plain.navigate(at("/agent?view=mine"));
        plain.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("No script: production down")).click();
        assertThat(plain.url()).contains("/agent/tickets/" + urgent);

        plain.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Internal note").setExact(true)).check();
        plain.getByLabel("Message").fill("No script: the runner lost its token.");
        plain.getByLabel("Stay on this ticket").check();
        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
        assertThat(plain.url()).contains("/agent/tickets/" + urgent);
        assertThat(plain.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Conversation")).textContent())
                .contains("the runner lost its token");

        plain.getByLabel("Message").fill("No script: could you send the runner's log?");
        plain.getByLabel("Status").selectOption("pending");
        if (plain.getByLabel("Stay on this ticket").isChecked()) {
            plain.getByLabel("Stay on this ticket").uncheck();
        }
        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();

        assertThat(plain.url()).contains("/agent/tickets/" + question);
        assertThat(desk.admin.get("/api/v2/tickets/" + urgent).at("/ticket/status").stringValue()).isEqualTo("pending");
        assertThat(desk.admin.get("/api/v2/tickets/" + urgent + "/comments").text())
                .contains("the runner lost its token", "could you send the runner's log?");

        plain.navigate(at("/agent?view=mine"));
        plain.getByLabel("Select No script: a question").check();
        plain.locator("#bulk-status").selectOption(new SelectOption().setValue("hold"));
        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update selected")).click();
        assertThat(plain.locator("#flash").textContent()).contains("1 ticket updated");
        assertThat(desk.admin.get("/api/v2/tickets/" + question).at("/ticket/status").stringValue()).isEqualTo("hold");
    }

    private long files(Account requester, String subject, String priority, Account assignee) {
        long id = requester.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "%s", "ticket_form_id": %d, "priority": "%s", "comment": {"body": "Please help: %s."}}}"""
                .formatted(subject, SUPPORT_FORM, priority, subject)).at("/ticket/id").longValue();
        desk.admin.put("/api/v2/tickets/" + id, "{\"ticket\":{\"assignee_id\":%d}}".formatted(assignee.id()));
        return id;
    }
}
