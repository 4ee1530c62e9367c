package org.partnerdesk.directory.crm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import tools.jackson.databind.json.JsonMapper;

/** #16 operations console, DIR-7: the CRM export uploaded in the browser, its progress, each rejected row's row and column, the runs. */
class CrmImportPagesTest extends BrowserTest {

    private static final String ACCOUNTS = "Id,Name,Type,Partner_Track__c,Partner_Status__c,Parent_Company__c,Domains__c";
    private static final String CONTACTS = "Id,AccountId,FirstName,LastName,Email";

    @Test
    void anImportWithABadRowShowsTheRowAndColumnOfEachRejectAndJoinsTheHistory() {
        String p = Desk.unique("crm").toLowerCase();
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/crm-imports"));
        assertAccessible();

        page.getByLabel("Accounts CSV").setInputFiles(csv("accounts.csv", ACCOUNTS,
                p + "-A1," + p + " Acme,Customer,,,," + p + "-acme.test",
                p + "-X1," + p + " Vendor,Vendor,,,,"));                                   // row 3: no such Type
        page.getByLabel("Contacts CSV").setInputFiles(csv("contacts.csv", CONTACTS,
                p + "-C1," + p + "-A1,Ann,Acme,ann@" + p + "-acme.test",
                p + "-C2," + p + "-A1,Bad,Email,not-an-address"));                          // row 3: no e-mail address
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click());

        assertThat(page.url()).contains("/ops/crm-imports/uploads/");
        Locator accountsRejects = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rejected rows of the accounts file"));
        Locator contactsRejects = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rejected rows of the contacts file"));
        contactsRejects.waitFor(); // htmx polls the progress every second until both files are imported
        // both files' results can show a poll before the upload itself reads finished (seen once in CI)
        page.locator("#crm-upload-progress", new Page.LocatorOptions().setHasText("Finished")).waitFor();
        assertThat(page.locator("#crm-upload-progress").textContent()).contains("Finished", "2 rows: 1 created, 0 updated, 0 unchanged, 1 rejected");
        assertThat(cells(accountsRejects)).startsWith("3", "Type", p + "-X1");
        assertThat(cells(contactsRejects)).startsWith("3", "Email", p + "-C2");
        assertAccessible();
        screenshot("ops-crm-import");
        APIResponse polled = context.request().get(page.url() + "/progress");
        assertThat(polled.text()).as("the part htmx polls, once done, asks no more").contains("Finished", "Rejected rows of the contacts file")
                .doesNotContain("hx-trigger");

        page.navigate(at("/ops/crm-imports"));
        Locator latest = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("CRM import runs")).getByRole(AriaRole.ROW).nth(1);
        assertThat(latest.textContent()).contains("contacts (contacts.csv)", "operations console", "1 rejected");
        latest.getByRole(AriaRole.LINK).click();
        page.waitForURL(url -> url.matches(".*/ops/crm-imports/\\d+$"));
        assertThat(cells(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rejected rows"))))
                .startsWith("3", "Email", p + "-C2");
        assertAccessible();
    }

    @Test
    void anUploadWithoutFilesIsRefusedOnTheForm() {
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/crm-imports"));

        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click());

        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Choose the accounts CSV")).count()).isEqualTo(1);
        assertThat(page.getByLabel("Accounts CSV").getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();
    }

    @Test
    void anAgentReadsTheRunsButHasNoUploadFormAndItsUploadIsRefused() {
        signIn(withPassword(desk.agent()));
        page.navigate(at("/ops/crm-imports"));

        assertThat(page.getByLabel("Accounts CSV").count()).isZero();
        assertThat(page.getByText("Administrators run CRM imports (DIR-7)").isVisible()).isTrue();
        assertAccessible();
        String token = JsonMapper.builder().build().readTree(page.locator("body").getAttribute("hx-headers"))
                .properties().iterator().next().getValue().stringValue();

        APIResponse refused = context.request().post(at("/ops/crm-imports"), RequestOptions.create().setHeader("X-CSRF-TOKEN", token)
                .setMultipart(FormData.create().set("accounts", new FilePayload("accounts.csv", "text/csv",
                        (ACCOUNTS + "\n").getBytes(StandardCharsets.UTF_8)))).setMaxRedirects(0));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("Only administrators run CRM imports (DIR-7).");
    }

    private static FilePayload csv(String name, String header, String... rows) {
        return new FilePayload(name, "text/csv", (header + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.List<String> cells(Locator table) {
        return table.getByRole(AriaRole.ROW).nth(1).getByRole(AriaRole.CELL).allTextContents().stream().map(String::strip).toList();
    }
}
