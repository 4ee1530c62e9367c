package org.partnerdesk.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;

/** UI-1: one sign-in form for every console; the pages' session cookie and headers; the password throttle reused. */
class SignInPageTest extends BrowserTest {

    @Test
    void anAgentSignsInAndLandsOnTheQueues() {
        var agent = withPassword(desk.agent());

        signIn(agent);

        assertThat(page.url()).endsWith("/agent");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).isVisible()).isTrue();
        var cookie = context.cookies().stream().filter(c -> c.name.equals("PARTNERDESK_SESSION")).findFirst().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite.name()).isEqualTo("LAX");
        assertAccessible();
    }

    @Test
    void aWrongPasswordIsSaidOnTheFormAndSignsNobodyIn() {
        var agent = withPassword(desk.agent());
        page.navigate(at("/sign-in"));
        assertAccessible();
        page.getByLabel("Email").fill(agent.email());
        page.getByLabel("Password").fill("not the password at all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("don't match");
        assertAccessible();
        page.navigate(at("/agent"));
        assertThat(page.url()).contains("/sign-in");
    }

    @Test
    void pagesSendAContentSecurityPolicyWithoutInlineScript() {
        var response = page.navigate(at("/sign-in"));

        assertThat(response.headers().get("content-security-policy")).contains("script-src 'self';").doesNotContain("unsafe-inline");
    }

    @Test
    void anEndUserIsRefusedTheAgentConsole() {
        var customer = withPassword(desk.endUserIn(desk.aCustomer()));
        signIn(customer);

        var response = page.navigate(at("/agent"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING).first().textContent()).isEqualTo("Not allowed");
    }

    @Test
    void signingOutEndsTheSession() {
        signIn(withPassword(desk.agent()));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page.url()).contains("/sign-in?signed-out");
        page.navigate(at("/agent"));
        assertThat(page.url()).contains("/sign-in");
    }
}
