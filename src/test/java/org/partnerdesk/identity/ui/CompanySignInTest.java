package org.partnerdesk.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * UI-1: staff sign in through the company's OpenID Connect provider (here one in-process, mock-oauth2-server); its
 * verified e-mail must be an active agent's or admin's. The only test class with a provider: its settings make a second
 * Spring context, so the OIDC tests stay here.
 */
class CompanySignInTest extends BrowserTest {

    private static final MockOAuth2Server PROVIDER = startProvider();
    private static final String COMPANY_LINK = "Sign in with your company account";
    private static final double ROUND_TRIP = 30_000;

    @Autowired
    JdbcClient db;

    @DynamicPropertySource
    static void companyProvider(DynamicPropertyRegistry registry) {
        // the browser reaches only 127.0.0.1, and the provider names itself after the address it is asked at
        registry.add("partnerdesk.oidc.issuer", () -> "http://127.0.0.1:" + PROVIDER.baseUrl().port() + "/company");
        registry.add("partnerdesk.oidc.client-id", () -> "partnerdesk");
        registry.add("partnerdesk.oidc.client-secret", () -> "partnerdesk-secret");
    }

    private static MockOAuth2Server startProvider() {
        try {
            MockOAuth2Server provider = new MockOAuth2Server();
            provider.start(InetAddress.getByName("127.0.0.1"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(provider::shutdown));
            return provider;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's next sign-in is the person with this e-mail address, verified or not. */
    private static void providerSignsIn(String email, boolean verified) {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("company", "subject-" + email, "JWT", null,
                Map.of("email", email, "email_verified", verified, "name", "Company Person"), 3600));
    }

    // the round trip to the provider and back (discovery, token, keys, user info) is slow the first time on a busy machine
    private void signInWithTheCompanyAccount() {
        page.navigate(at("/sign-in"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(COMPANY_LINK)).click(new Locator.ClickOptions().setTimeout(ROUND_TRIP));
    }

    private void waitUntilBackAt(String address) {
        page.waitForURL(url -> url.contains(address), new Page.WaitForURLOptions().setTimeout(ROUND_TRIP));
    }

    @Test
    void anAgentSignsInWithTheCompanyAccountAndLandsOnTheQueues() {
        Desk.Account agent = desk.agent(); // no password at all: the provider vouches for the address
        providerSignsIn(agent.email().toUpperCase(), true);
        page.navigate(at("/sign-in"));
        assertAccessible();
        screenshot("sign-in-company");

        signInWithTheCompanyAccount();

        waitUntilBackAt("/agent");
        assertThat(page.locator(".me").textContent()).isEqualTo(agent.email());
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).isVisible()).isTrue();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(url -> url.contains("/sign-in?signed-out"));
    }

    @Test
    void anEndUserIsRefusedCompanySignInWithAClearMessage() {
        Desk.Account customer = desk.endUserIn(desk.aCustomer());
        providerSignsIn(customer.email(), true);

        signInWithTheCompanyAccount();

        waitUntilBackAt("/sign-in?error");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains(customer.email()
                + " is not an active agent or administrator of PartnerDesk", "partners and customers sign in with their e-mail and password");
        assertAccessible();
        page.navigate(at("/portal"));
        assertThat(page.url()).contains("/sign-in");
    }

    @Test
    void anUnknownAddressIsRefusedAndNoUserIsCreated() {
        String stranger = Desk.unique("outsider").toLowerCase() + "@company.test";
        providerSignsIn(stranger, true);

        signInWithTheCompanyAccount();

        waitUntilBackAt("/sign-in?error");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains(stranger + " is not an active agent or administrator");
        assertThat(db.sql("select count(*) from users where lower(email) = ?").param(stranger).query(Integer.class).single()).isZero();
    }

    @Test
    void anUnverifiedAddressIsRefusedEvenForAnAgent() {
        providerSignsIn(desk.agent().email(), false);

        signInWithTheCompanyAccount();

        waitUntilBackAt("/sign-in?error");
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("did not give a verified e-mail address");
    }
}
