package org.partnerdesk.jobs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;

/** Issue #16: the jobs page names each db-scheduler task with its last and next run in words. */
class JobsPageTest extends BrowserTest {

    @Test
    void anAdminSeesEachJobWithItsLastAndNextRunInWords() {
        signIn(withPassword(desk.anAdmin()));

        page.navigate(at("/ops/jobs"));

        Locator retry = page.locator("main tbody tr[data-job='outbox-retry']");
        assertThat(retry.locator("th").textContent()).isEqualTo("outbox-retry");
        String[] cells = retry.locator("td").allTextContents().toArray(String[]::new);
        assertThat(cells[0]).as("what it does").isEqualTo("Sends again the notifications that failed (NTF-1).");
        assertThat(cells[1]).as("last run").matches("less than a minute ago|\\d+ min ago|not recorded");
        assertThat(cells[2]).as("outcome").isIn("succeeded", "not recorded");
        assertThat(cells[3]).as("next run").matches("in \\d+ (seconds?|min)|now \\(due .*\\)|when this run ends");
        assertThat(cells[4]).as("running on").matches("not running|running on .+:\\d+/[0-9a-f]{6}");
        assertThat(page.locator("main tbody tr").count()).isGreaterThanOrEqualTo(3);
        assertAccessible();
        screenshot("ops-jobs");
    }
}
