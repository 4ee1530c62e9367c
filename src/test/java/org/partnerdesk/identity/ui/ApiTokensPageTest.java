package org.partnerdesk.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;

/** Issue #16, API-2: an admin's API tokens page: a new token is shown once, works over HTTP, and can be revoked. */
class ApiTokensPageTest extends BrowserTest {

    @Test
    void anAdminCreatesATokenSeesItOnceAndItOpensTheApi() {
        Account admin = withPassword(desk.anAdmin());
        String description = Desk.unique("CRM sync");
        signIn(admin);
        page.navigate(at("/ops/api-tokens"));
        assertAccessible();

        page.getByLabel("Description").fill(description);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        page.waitForURL(url -> url.endsWith("/ops/api-tokens"));

        String token = page.getByLabel("Token for " + admin.email()).inputValue();
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(page.url()).doesNotContain(token);
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Your new API token")).textContent())
                .contains("Copy this token now", "shown only this once");
        assertThat(page.locator("main table").textContent()).contains(description).doesNotContain(token);
        assertAccessible();
        screenshot("ops-api-tokens");

        ApiClient.Reply me = ApiClient.withToken(baseUrl(), admin.email(), token).get("/api/v2/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/user/email").stringValue()).isEqualTo(admin.email());

        page.reload();
        assertThat(page.content()).doesNotContain(token);
        assertThat(page.getByLabel("Token for " + admin.email()).count()).isZero();
    }

    @Test
    void aRevokedTokenNoLongerOpensTheApi() {
        Account admin = withPassword(desk.anAdmin());
        Account agent = desk.agent();
        signIn(admin);
        page.navigate(at("/ops/api-tokens"));
        page.getByLabel("Owner's e-mail").fill(agent.email());
        page.getByLabel("Description").fill(Desk.unique("to revoke"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        page.waitForURL(url -> url.endsWith("/ops/api-tokens"));
        String token = page.getByLabel("Token for " + agent.email()).inputValue();
        ApiClient holder = ApiClient.withToken(baseUrl(), agent.email(), token);
        assertThat(holder.get("/api/v2/users/me").status()).isEqualTo(200);
        String id = page.locator("main tbody tr").first().getAttribute("data-token");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke token #" + id)).click();

        page.waitForURL(url -> url.endsWith("/ops/api-tokens"));
        assertThat(page.locator("#flash").textContent()).contains("API token " + id + " revoked");
        assertThat(holder.get("/api/v2/users/me").status()).isEqualTo(401);
    }

    @Test
    void anOwnerWhoDoesNotExistIsExplainedNextToTheField() {
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/api-tokens"));
        String nobody = Desk.unique("nobody").toLowerCase() + "@people.test";

        page.getByLabel("Owner's e-mail").fill(nobody);
        var answer = page.waitForResponse(response -> response.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(page.locator("#owner-error").textContent()).contains("No user has the e-mail address " + nobody);
        assertThat(page.getByLabel("Owner's e-mail").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.getByLabel("Owner's e-mail").inputValue()).isEqualTo(nobody);
        assertAccessible();
    }
}
