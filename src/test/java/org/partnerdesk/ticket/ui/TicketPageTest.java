package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;
import tools.jackson.databind.JsonNode;

/** UI-1 agent console: the ticket page at the address agents bookmark, /agent/tickets/{id}. */
class TicketPageTest extends BrowserTest {

    private static final Pattern TICKET_URL = Pattern.compile(".*/agent/tickets/(\\d+)(\\?.*)?$");

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
        assertThat(conversation().textContent()).contains("Since this morning every job waits.");
        assertAccessible();
    }

    @Test // UI-1 at 320 px: the composer's form grid and the queue's bulk fieldset once widened the pages to 387 and 483 px
    void theTicketPageAndTheQueueFitA320PxScreenWithoutSidewaysScrolling() {
        Account ann = aPremiumCustomersUser();
        long id = files(ann, "A subject long enough to wrap on a phone", "urgent");
        signIn(withPassword(desk.agent()));
        page.setViewportSize(320, 900);

        for (String path : java.util.List.of("/agent/tickets/" + id, "/agent")) {
            page.navigate(at(path));
            Object pageWidth = page.evaluate("() => document.documentElement.scrollWidth");
            assertThat(((Number) pageWidth).intValue()).as(path + " is as wide as the screen").isEqualTo(320);
        }
        assertAccessible();
    }

    @Test
    void anAgentOpensTheMostUrgentTicketNotesRepliesAsPendingAndTheNextTicketOpens() {
        Account ann = aPremiumCustomersUser();
        files(ann, "Production is down", "urgent");
        files(ann, "Dashboard is slow", "low");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent"));

        page.getByRole(AriaRole.TABLE).getByRole(AriaRole.LINK).first().click();
        long opened = ticketInView();
        composer(AriaRole.RADIO, "Internal note").check();
        page.getByLabel("Message").fill("Checked the logs: the runner lost its token.");
        page.getByLabel("Stay on this ticket").check();
        submit();

        assertThat(ticketInView()).isEqualTo(opened);
        assertThat(page.locator("#flash").textContent()).contains("Ticket #" + opened + " updated");
        composer(AriaRole.RADIO, "Public reply").check();
        page.getByLabel("Message").fill("We are on it: could you send the runner's log?");
        page.getByLabel("Status").selectOption("pending");
        page.getByLabel("Message").press("Control+Enter");

        page.waitForURL(url -> ticketId(url) != opened);
        assertThat(page.locator("#flash").textContent()).contains("Ticket #" + opened + " updated");
        JsonNode worked = desk.admin.get("/api/v2/tickets/" + opened).at("/ticket");
        assertThat(worked.get("status").stringValue()).isEqualTo("pending");
        String comments = desk.admin.get("/api/v2/tickets/" + opened + "/comments").text();
        assertThat(comments).contains("the runner lost its token", "could you send the runner's log?");
        assertAccessible();
    }

    @Test
    void anInternalNoteLooksDifferentFromAPublicReplyAndTheRequesterNeverSeesIt() {
        Account ann = aPremiumCustomersUser();
        long id = files(ann, "Licence key rejected", "high");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id));

        composer(AriaRole.RADIO, "Internal note").check();
        page.getByLabel("Message").fill("Key was issued for the old tenant; ask Licensing.");
        page.getByLabel("Stay on this ticket").check();
        submit();

        Locator note = conversation().getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText("ask Licensing"));
        Locator opening = conversation().getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText("Please help"));
        assertThat(note.textContent()).contains("Internal note");
        assertThat(opening.textContent()).contains("Public reply");
        assertThat(background(note)).isNotEqualTo(background(opening));
        assertThat(ann.api().get("/api/v2/tickets/" + id + "/comments").text()).contains("Please help").doesNotContain("ask Licensing");
        assertAccessible();
        screenshot("agent-ticket");
    }

    @Test
    void aNewPriorityWithoutAnExplanationAndAnAgentsCcAreRefusedInTheRulesWordsAndKeepWhatWasChosen() {
        long id = files(aPremiumCustomersUser(), "Export fails", "normal");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id));

        page.getByLabel("Priority").selectOption("urgent");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update properties")).click());

        assertThat(page.locator("#properties-priority-error").textContent())
                .contains("needs a public comment in the same update that explains it to the customer", "(TKT-3)");
        assertThat(page.getByLabel("Priority").inputValue()).isEqualTo("urgent");
        assertAccessible();

        page.getByLabel("Explanation for the customer").fill("Raised to urgent: every export of your team fails.");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update properties")).click());

        assertThat(page.locator("#flash").textContent()).contains("Ticket #" + id + " updated");
        assertThat(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/priority").stringValue()).isEqualTo("urgent");
        assertThat(conversation().textContent()).contains("Raised to urgent");

        page.getByLabel("Add CC (e-mail)").fill("boss@customer.test");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update properties")).click());

        assertThat(page.locator("#properties-add-cc-error").textContent())
                .contains("Agents never add contacts to a ticket", "ask the requester or the partner to add the CC", "(TKT-2)");
        assertThat(page.getByLabel("Add CC (e-mail)").inputValue()).isEqualTo("boss@customer.test");
        assertAccessible();
    }

    @Test
    void aFileDroppedOnTheComposerIsSentWithTheReply() {
        long id = files(aPremiumCustomersUser(), "Runner log on its way", "normal");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id));
        // what a browser hands the page when a file is dragged in from the desktop
        var dragged = page.evaluateHandle("() => { const d = new DataTransfer();"
                + " d.items.add(new File(['runner exited with 137'], 'runner.log', {type: 'text/plain'})); return d; }");

        page.locator("[data-drop-zone]").dispatchEvent("dragover", java.util.Map.of("dataTransfer", dragged));
        page.locator("[data-drop-zone]").dispatchEvent("drop", java.util.Map.of("dataTransfer", dragged));
        assertThat(page.locator("[data-dropped]").textContent()).contains("runner.log");
        page.getByLabel("Message").fill("The runner's log, as dropped.");
        submit();

        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/comments").text()).contains("The runner's log, as dropped.", "runner.log");
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedWithTheSupportUploaderHintAndTheMessageIsKept(@TempDir Path dir) throws IOException {
        long id = files(aPremiumCustomersUser(), "Core dump attached", "normal");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id));
        Path dump = dir.resolve("core.dump");
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.setLength(21L * 1024 * 1024); // a real 21 MB file, handed to the browser by path rather than through the driver
        }

        page.getByLabel("Message").fill("Here is the dump you asked for.");
        page.getByLabel("Attach files").setInputFiles(dump, new Locator.SetInputFilesOptions().setTimeout(60_000));
        page.waitForNavigation(new Page.WaitForNavigationOptions().setTimeout(60_000),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click());

        assertThat(page.locator("#composer-files-error").textContent()).contains("larger than 20 MB", "Support Uploader");
        assertThat(page.getByLabel("Message").inputValue()).isEqualTo("Here is the dump you asked for.");
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/comments").text()).doesNotContain("Here is the dump");
        assertAccessible();
    }

    @Test
    void aSaveOnATicketAColleagueChangedMeanwhileIsRefusedAndShowsTheChange() {
        long id = files(aPremiumCustomersUser(), "Webhook retries forever", "normal");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id));
        page.getByLabel("Message").fill("Please disable the webhook for now.");

        desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"status":"pending","comment":{"body":"Colleague: sent the retry policy docs."}}}""");
        submit();

        Locator alert = page.locator(".collision");
        assertThat(alert.textContent()).contains("This ticket changed since you opened it", "sent the retry policy docs", "pending");
        assertThat(page.getByLabel("Message").inputValue()).isEqualTo("Please disable the webhook for now.");
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/comments").text()).doesNotContain("disable the webhook");
        assertAccessible();

        page.getByLabel("Stay on this ticket").check();
        submit();

        assertThat(page.locator("#flash").textContent()).contains("Ticket #" + id + " updated");
        assertThat(conversation().textContent()).contains("Please disable the webhook for now.");
    }

    private Account aPremiumCustomersUser() {
        var acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        return desk.endUserIn(acme);
    }

    private long files(Account requester, String subject, String priority) {
        return requester.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "%s", "ticket_form_id": %d, "priority": "%s", "comment": {"body": "Please help: %s."}}}"""
                .formatted(subject, SUPPORT_FORM, priority, subject)).at("/ticket/id").longValue();
    }

    private Locator conversation() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Conversation"));
    }

    private Locator composer(AriaRole role, String name) {
        return page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void submit() {
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click());
    }

    private long ticketInView() {
        return ticketId(page.url());
    }

    private static long ticketId(String url) {
        Matcher matcher = TICKET_URL.matcher(url);
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static String background(Locator element) {
        return (String) element.evaluate("e => getComputedStyle(e).backgroundColor");
    }
}
