package org.partnerdesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Org;

/** Issue #16, DIR-5 and DIR-6 in the browser: admins create and change subscriptions and issue NFR licenses; refusals in words. */
class SubscriptionsPageTest extends BrowserTest {

    @Test
    void anAdminCreatesASubscriptionAfterTheEndBeforeStartRefusalAndChangesItsSeats() {
        Org acme = desk.aCustomer();
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/subscriptions/new?organization=" + acme.id()));
        page.getByLabel("Plan").selectOption("premium");
        page.getByLabel("Seats").fill("25");
        page.getByLabel("Starts on").fill("2026-01-01");
        page.getByLabel("Ends on").fill("2025-12-31");

        var refused = page.waitForResponse(r -> r.request().method().equals("POST"), () -> create("Create subscription"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(page.locator("main").textContent()).contains("before the subscription starts on 2026-01-01");
        assertThat(page.locator("#endsOn-error").textContent()).contains("before the subscription starts on 2026-01-01", "(DIR-5)");
        assertThat(page.getByLabel("Ends on").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.getByLabel("Seats").inputValue()).isEqualTo("25");
        assertAccessible();

        page.getByLabel("Ends on").fill("2026-12-31");
        create("Create subscription");
        page.waitForURL(url -> url.contains("/ops/subscriptions?organization=" + acme.id()));
        var row = page.locator("main tbody tr");
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.textContent()).contains(acme.name(), "premium", "25", "1 Jan 2026 – 31 Dec 2026", "direct");
        assertAccessible();
        screenshot("ops-subscriptions");

        row.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Edit #" + row.getAttribute("data-subscription"))).click();
        page.getByLabel("Seats").fill("40");
        create("Save subscription");
        page.waitForURL(url -> url.contains("/ops/subscriptions?organization="));
        assertThat(page.locator("main tbody tr").textContent()).contains("40");
    }

    @Test
    void anNfrLicenseGoesToPartnersOnlyAndAnAgentMayReadButNotIssue() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/nfr-licenses/new"));
        page.getByLabel("Partner").fill(acme.name());
        page.getByLabel("Users").fill("5");

        create("Issue license");

        assertThat(page.locator("#organization-error").textContent()).contains("is not a partner", "(DIR-6)");
        assertAccessible();
        page.getByLabel("Partner").fill(Long.toString(resellCo.id()));
        create("Issue license");
        page.waitForURL(url -> url.contains("/ops/nfr-licenses?organization=" + resellCo.id()));
        assertThat(page.locator("main tbody tr").textContent()).contains(resellCo.name(), "ultimate", "5", "active");
        assertAccessible();

        var agent = newContext().newPage();
        signIn(agent, withPassword(desk.agent()));
        agent.navigate(at("/ops/nfr-licenses?organization=" + resellCo.id()));
        assertThat(agent.locator("main tbody tr").textContent()).contains(resellCo.name());
        assertThat(agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Issue NFR license")).count()).isZero();
        assertThat(agent.navigate(at("/ops/nfr-licenses/new")).status()).isEqualTo(403);
        agent.navigate(at("/ops/nfr-licenses")); // a page of the layout, whose body carries the CSRF header
        String csrf = agent.locator("body").getAttribute("hx-headers").replaceAll(".*\": \"([^\"]+)\".*", "$1");
        for (String path : new String[] {"/ops/nfr-licenses", "/ops/subscriptions"}) {
            var answer = agent.request().post(at(path), RequestOptions.create().setHeader("X-CSRF-TOKEN", csrf)
                    .setForm(FormData.create().set("organization", Long.toString(resellCo.id())).set("users", "1")));
            assertThat(answer.status()).as(path).isEqualTo(403);
        }
    }

    private void create(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
    }
}
