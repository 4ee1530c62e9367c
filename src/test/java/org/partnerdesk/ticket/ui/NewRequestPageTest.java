package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/**
 * Issue #15 in the browser: the portal's "New request" with its decision preview, updated by htmx as the person types,
 * before anything is filed; keyboard alone; axe-core on the empty form, with a preview and with validation errors.
 */
class NewRequestPageTest extends BrowserTest {

    @Test
    void anOpenPartnerSeesTheCustomersPremiumSubscriptionBeforeSubmittingThenFilesTheRequest() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = withPassword(desk.endUserIn(desk.aPartner("open")));
        signIn(sam);

        page.navigate(at("/portal"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New request")).click();
        PlaywrightAssertions.assertThat(page.getByLabel("Form")).hasValue(Long.toString(org.partnerdesk.Desk.OPEN_PARTNER_FORM));
        page.getByLabel("Subject").fill("Runner crashes on every job");
        page.getByLabel("Description").fill("Since the upgrade every pipeline fails at the first job.");
        page.getByLabel("Priority").selectOption("urgent");
        page.getByLabel("Organization Email (partners)").fill(ann.email());
        page.getByLabel("Partner engagement").selectOption("on_behalf_of_customer");

        PlaywrightAssertions.assertThat(preview()).containsText("This request will be served under " + acme.name()
                + "'s Premium subscription: Priority support, first reply within 30 minutes for urgent.");
        PlaywrightAssertions.assertThat(preview()).containsText(ann.email());
        assertAccessible();
        screenshot("portal-new-request");

        page.getByLabel("Attachments").setInputFiles(new FilePayload("runner.log", "text/plain",
                "job 1 failed: token expired".getBytes(StandardCharsets.UTF_8)));
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request")).click());
        assertThat(page.url()).matches(".*/portal/requests/\\d+"); // the request's page comes with "My requests"

        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        var ticket = desk.admin.get("/api/v2/tickets/" + id).json().get("ticket");
        assertThat(ticket.get("requester_id").longValue()).isEqualTo(ann.id());
        assertThat(ticket.get("organization_id").longValue()).isEqualTo(acme.id());
        assertThat(ticket.get("priority").stringValue()).isEqualTo("urgent");
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/comments").text()).contains("runner.log");
    }

    @Test
    void aMistypedCustomerDomainShowsTheNeedsOrgPreviewAndTheKnownDomain() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account sam = withPassword(desk.endUserIn(desk.aPartner("open")));
        String typo = acme.domain().replace(".test", ".tset");
        signIn(sam);
        page.navigate(at("/portal/requests/new"));

        page.getByLabel("Organization Email (partners)").fill(ann.email().replace(acme.domain(), typo));

        PlaywrightAssertions.assertThat(preview()).containsText("We could not find an organization for " + typo + " — did you mean " + acme.domain() + "?");
        PlaywrightAssertions.assertThat(preview()).containsText(ann.email());
        assertAccessible();
    }

    @Test
    void theEmptyFormAndItsValidationErrorsAreAccessible() {
        Account pat = withPassword(desk.endUserIn(desk.aCustomer()));
        signIn(pat);
        page.navigate(at("/portal/requests/new"));
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request")).click();

        PlaywrightAssertions.assertThat(page.getByLabel("Subject")).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(page.getByText("Give the request a subject.")).isVisible();
        assertAccessible();
    }

    @Test
    void aPartnerFilesANewRequestWithTheKeyboardAlone() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = withPassword(desk.endUserIn(desk.aPartner("open")));
        signIn(sam);
        page.navigate(at("/portal/requests/new"));

        tabTo(page.getByLabel("Subject"));
        page.keyboard().type("Keyboard only: merge requests time out");
        tabTo(page.getByLabel("Description"));
        page.keyboard().type("Large merge requests never load.");
        tabTo(page.getByLabel("Organization Email (partners)"));
        page.keyboard().type(ann.email());
        PlaywrightAssertions.assertThat(preview()).containsText("This request will be served under " + acme.name() + "'s Premium subscription");
        tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request")));
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
        assertThat(page.url()).matches(".*/portal/requests/\\d+");

        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        assertThat(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/subject").stringValue()).isEqualTo("Keyboard only: merge requests time out");
    }

    private Locator preview() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Decision preview"));
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
}
