package org.partnerdesk.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;

/** Issue #16, NTF-1: the outbox page shows a failing mail with why it failed and how often it was tried; Retry sends it. */
class OutboxPageTest extends BrowserTest {

    @Test
    void aMailThatFailedShowsItsReasonAndRetrySendsIt() throws Exception {
        Account ann = desk.endUserIn(desk.aCustomer());
        long ticket = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Outbox test","comment":{"body":"opening"}}}""").id("ticket");
        String reply = Desk.unique("sent while the mail server was down");
        signIn(withPassword(desk.anAdmin()));

        MAIL.stop();
        Locator row;
        try {
            desk.agent().api().put("/api/v2/tickets/" + ticket, """
                    {"ticket":{"comment":{"body":"%s","public":true}}}""".formatted(reply));
            row = failedRowOf(ticket);
        } finally {
            MAIL.start();
            MAIL.setUser(PARTNER_MAILBOX, PARTNER_MAILBOX, PARTNER_MAILBOX_PASSWORD); // a restarted GreenMail forgets its users
        }

        // read at once: the retry job resends a failure older than 30 s by itself (partnerdesk.outbox.retry-after)
        assertThat(mailsContaining(reply)).isEmpty();
        assertThat(row.textContent()).contains("Public reply added", "ticket #" + ticket, "Failed", "by Reply mail");
        assertThat(row.locator("td").nth(3).textContent()).as("why it failed").containsIgnoringCase("mail");
        assertThat(page.getByText(Pattern.compile("\\d+ messages? (is|are) failing")).isVisible()).isTrue();
        assertThat(row.locator("td").nth(1).textContent().strip()).as("attempts").matches("\\d+");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry all failed")).isVisible()).isTrue();
        assertAccessible();
        screenshot("ops-outbox");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry Public reply added on ticket #" + ticket)).click();

        page.waitForURL(url -> url.endsWith("/ops/outbox"));
        assertThat(page.locator("#flash").textContent()).contains("handed back to its sender");
        awaitMail(ann.email(), reply);
        assertThat(rowGone(ticket)).as("the delivered mail leaves the outbox").isTrue();
        assertAccessible();
    }

    // the listener fails within a second with the server down; the page is read again until its row says so
    private Locator failedRowOf(long ticket) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            page.navigate(at("/ops/outbox"));
            Locator row = page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(Pattern.compile("ticket #" + ticket + "\\b")));
            // the state cell itself: a message waiting again can still show its last failure's words
            if (row.count() == 1 && "Failed".equals(row.locator("td").nth(0).textContent().strip())
                    && !row.textContent().contains("No failure recorded")) {
                return row;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no failed outbox row for ticket #" + ticket + " in: " + page.locator("main").textContent());
    }

    private boolean rowGone(long ticket) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            page.navigate(at("/ops/outbox"));
            if (page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(Pattern.compile("ticket #" + ticket + "\\b"))).count() == 0) {
                return true;
            }
            Thread.sleep(300);
        }
        return false;
    }
}
