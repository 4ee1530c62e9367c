package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** #15, UI-1: the portal's public pages in a browser: sign-up (PO-1) to the first sign-in, and a portal access request (PO-2). */
class PortalOnboardingPagesTest extends BrowserTest {

    private static final String CHOSEN = "our own partner passphrase";

    @Autowired
    JdbcClient db;

    @Autowired
    SignUps signUps;

    private Onboarding onboarding;

    @BeforeEach
    void fromAnAddressOfItsOwn() {
        onboarding = new Onboarding(desk, MAIL, db);
        // the throttle counts per client address (the tests' proxy forwards it), apart from other tests'
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", Onboarding.randomAddress()));
    }

    @Test
    void aCompanySignsUpConfirmsIsApprovedByPartnerOperationsAndSignsInToThePortal() {
        String company = Desk.unique("Nina Consulting");
        String email = Onboarding.newEmail("nina");
        page.navigate(at("/sign-in"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Apply to become a partner")).click();
        page.waitForURL(url -> url.endsWith("/portal/sign-up"));
        assertAccessible();
        screenshot("portal-sign-up");

        page.getByLabel("Company", new Page.GetByLabelOptions().setExact(true)).fill(company);
        page.getByLabel("Your e-mail").fill("nina at nina");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.locator("#contact_email-error").textContent()).contains("is not an e-mail address");
        assertThat(page.locator("#contact_name-error").textContent()).contains("Your name cannot be blank");
        assertThat(page.getByLabel("Your e-mail").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.getByLabel("Company", new Page.GetByLabelOptions().setExact(true)).inputValue()).isEqualTo(company);
        assertAccessible();

        page.getByLabel("Your name").fill("Nina Hall");
        page.getByLabel("Your e-mail").fill(email);
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("I have questions or want changes").check();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Questions")).fill("May we redline clause 7?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        page.waitForURL(url -> url.endsWith("/portal/sign-up?sent"));
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your e-mail"))).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#sent")).containsText(email);
        assertAccessible();

        page.navigate(at("/portal/confirm?token=" + onboarding.awaitConfirmationToken(email)));
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        PlaywrightAssertions.assertThat(page.locator("#flash")).containsText("Partner Operations review your application");
        assertAccessible();

        long application = db.sql("select id from partner_applications where contact_email = ?").param(email).query(Long.class).single();
        Desk.Account reviewer = onboarding.partnerOperations();
        signUps.approve(new Actor(reviewer.id(), reviewer.email(), Role.AGENT, null, Set.of(Groups.PARTNER_OPERATIONS)), application,
                "Clause 7 answered on the ticket");

        String invitation = onboarding.awaitInvitationToken(email);
        page.navigate(at("/password/set?invitation=" + invitation));
        page.getByLabel("New password").fill(CHOSEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        page.waitForURL(url -> url.endsWith("/sign-in?password-set"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(CHOSEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> url.endsWith("/portal"));
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("NFR licenses"))).isVisible();
    }

    @Test
    void aPortalAccessRequestAnswersTheSameForAKnownAndAnUnknownEmail() {
        Desk.Org partner = desk.aPartner("select");
        String known = desk.endUserIn(desk.aCustomer()).email();
        String unknown = Onboarding.newEmail("unknown");
        page.navigate(at("/sign-in"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request portal access")).click();
        page.waitForURL(url -> url.endsWith("/portal/access"));
        assertAccessible();

        page.getByLabel("Company").fill("No Such Partner Anywhere");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request access")).click();
        assertThat(page.locator("#company-error").textContent()).contains("We know no partner company by that name");
        assertThat(page.locator("#name-error").textContent()).contains("Your name cannot be blank");
        assertAccessible();

        String knownAnswer = ask(partner, known);
        assertAccessible();
        String unknownAnswer = ask(partner, unknown);

        assertThat(knownAnswer.replace(known, "EMAIL")).isEqualTo(unknownAnswer.replace(unknown, "EMAIL"));
        assertThat(knownAnswer).contains("Check your e-mail", "Partner Operations review your request");
    }

    private String ask(Desk.Org partner, String email) {
        page.navigate(at("/portal/access"));
        page.getByLabel("Company").fill(partner.name());
        page.getByLabel("Your name").fill("Rita Rep");
        page.getByLabel("Your e-mail").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request access")).click();
        page.waitForURL(url -> url.endsWith("/portal/access?sent"));
        return page.locator("main").innerText();
    }
}
