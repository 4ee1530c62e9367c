package org.partnerdesk.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** UI-1: one sign-in form for every console; the pages' session cookie and headers; the password throttle reused. */
class SignInPageTest extends BrowserTest {

    @Autowired
    JdbcClient db;

    @Value("${server.servlet.session.timeout}")
    Duration sessionTimeout;

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

    @Test
    void theSignInPageIsAccessibleAndOffersNoCompanySignInWithoutAProvider() {
        page.navigate(at("/sign-in"));

        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with your company account")).count()).isZero();
        assertAccessible();
        screenshot("sign-in");
    }

    @Test
    void anEndedSessionSendsPagesToSignInSayingSoAndHtmxFollowsAlongInsteadOfSwappingItIn() {
        Desk.Account agent = withPassword(desk.agent());
        signIn(agent);
        endSessionsOf(agent);

        var fragment = page.request().get(at("/agent"), RequestOptions.create().setHeader("HX-Request", "true").setMaxRedirects(0));
        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.headers().get("hx-redirect")).isEqualTo("/sign-in?expired");
        // a real htmx request from the page: htmx leaves for the sign-in page as a whole
        page.evaluate("() => { const probe = document.createElement('button'); probe.textContent = 'Reload part';"
                + " probe.setAttribute('hx-get', '/agent'); probe.setAttribute('hx-target', 'this');"
                + " document.querySelector('main').append(probe); htmx.process(probe); }");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reload part")).click();
        page.waitForURL(url -> url.endsWith("/sign-in?expired"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Your session ended")).count()).isEqualTo(1);
        assertAccessible();

        signIn(agent);
        endSessionsOf(agent);
        page.navigate(at("/agent"));
        assertThat(page.url()).endsWith("/sign-in?expired");
    }

    @Test
    void theSessionWarningShowsBeforeTheSessionEndsAndStaySignedInKeepsTheSession() {
        signIn(withPassword(desk.agent()));
        assertThat(page.locator("body").getAttribute("data-session-seconds")).isEqualTo(Long.toString(sessionTimeout.toSeconds()));
        Locator warning = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Your session ends in two minutes"));
        assertThat(warning.count()).isZero();

        // as if the session lasted 121 s: desk.js warns two minutes before its end, so after 1 s
        page.evaluate("() => { document.body.setAttribute('data-session-seconds', '121');"
                + " document.dispatchEvent(new Event('htmx:afterRequest')); }");
        PlaywrightAssertions.assertThat(warning).isVisible();
        assertAccessible();

        page.evaluate("() => document.body.setAttribute('data-session-seconds', '1800')");
        var keptAlive = page.waitForResponse(response -> response.url().endsWith("/live/keep-alive"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in")).click());
        assertThat(keptAlive.status()).isEqualTo(204);
        PlaywrightAssertions.assertThat(warning).isHidden();
    }

    /** Ends the person's browser sessions as the clock would: their last access is now longer ago than they may idle. */
    private void endSessionsOf(Desk.Account account) {
        int ended = db.sql("update spring_session set last_access_time = last_access_time - (max_inactive_interval + 60) * 1000::bigint,"
                + " expiry_time = expiry_time - (max_inactive_interval + 60) * 1000::bigint where principal_name = ?")
                .param(account.email()).update();
        assertThat(ended).isPositive();
    }
}
