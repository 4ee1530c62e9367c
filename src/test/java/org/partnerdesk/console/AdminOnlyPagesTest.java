package org.partnerdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;

/** Issue #16: API tokens, the outbox and the jobs are the admins'; an agent gets the refusal page and its posts are refused. */
class AdminOnlyPagesTest extends BrowserTest {

    @Test
    void anAgentIsRefusedTheTokensOutboxAndJobsPagesAndTheirPosts() {
        Account agent = withPassword(desk.agent());
        signIn(agent);

        for (String path : List.of("/ops/api-tokens", "/ops/outbox", "/ops/jobs")) {
            assertThat(page.navigate(at(path)).status()).as(path).isEqualTo(403);
            assertThat(page.locator("main h1").textContent()).as(path).isEqualTo("Not allowed");
        }
        assertAccessible();
        page.navigate(at("/ops/subscriptions"));
        assertThat(page.locator("nav[aria-label=Operations]").textContent()).doesNotContain("API tokens", "Outbox", "Jobs");

        String csrf = page.locator("body").getAttribute("hx-headers").replaceAll(".*\": \"([^\"]+)\".*", "$1");
        for (String path : List.of("/ops/api-tokens", "/ops/api-tokens/1/revoke", "/ops/outbox/retry-failed",
                "/ops/outbox/00000000-0000-0000-0000-000000000000/retry")) {
            var answer = context.request().post(at(path), RequestOptions.create().setHeader("X-CSRF-TOKEN", csrf)
                    .setForm(com.microsoft.playwright.options.FormData.create().set("description", "mine")));
            assertThat(answer.status()).as(path).isEqualTo(403);
        }
    }
}
