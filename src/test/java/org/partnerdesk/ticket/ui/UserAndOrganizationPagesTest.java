package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;

/** UI-1 agent console: a user's profile and requested tickets (DIR-2), an organization's subscriptions, NFR licenses and contacts. */
class UserAndOrganizationPagesTest extends BrowserTest {

    @Test
    void theUserPageShowsTheProfileAndTheTicketsTheyRequested() {
        var acme = desk.aCustomer();
        var customer = desk.endUserIn(acme);
        long id = customer.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "Licence key rejected after upgrade", "ticket_form_id": %d,
                  "comment": {"body": "The new key says invalid."}}}""".formatted(SUPPORT_FORM)).at("/ticket/id").longValue();
        signIn(withPassword(desk.agent()));

        page.navigate(at("/agent/users/" + customer.id()));

        var profile = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Profile"));
        assertThat(profile.textContent()).contains(customer.email(), "end-user", acme.name());
        var requested = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Requested tickets"));
        assertThat(requested.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Licence key rejected after upgrade"))
                .getAttribute("href")).endsWith("/agent/tickets/" + id);
        assertAccessible();

        profile.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(acme.name()).setExact(true)).click();
        page.waitForURL(url -> url.endsWith("/agent/organizations/" + acme.id()));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Tickets").setExact(true)).textContent())
                .contains("Licence key rejected after upgrade");
    }

    @Test
    void theOrganizationPageShowsTheSupportLevelOfItsSubscriptionAndItsNfrLicenses() {
        var partner = desk.aPartner("select");
        desk.subscribe(partner, "premium");
        desk.subscribe(partner, "starter", LocalDate.now().minusYears(3), LocalDate.now().minusYears(2));
        desk.nfrLicense(partner, LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(11));
        var contact = desk.endUserIn(partner);
        signIn(withPassword(desk.agent()));

        page.navigate(at("/agent/organizations/" + partner.id()));

        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Organization").setExact(true)).textContent())
                .contains("partner", "select", "compliant");
        var subscriptions = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Subscriptions"));
        assertThat(subscriptions.textContent()).contains("Support level from its subscriptions today: priority");
        var premium = subscriptions.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("premium"));
        assertThat(premium.textContent()).contains("priority", "active");
        var expired = subscriptions.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("starter"));
        assertThat(expired.textContent()).contains("none", "expired");
        var nfr = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("NFR licenses"));
        assertThat(nfr.getByRole(AriaRole.ROW).nth(1).textContent()).contains(partner.name(), "ultimate", "10", "active");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Contacts"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(contact.email())).isVisible()).isTrue();
        assertAccessible();
        screenshot("agent-organization");
    }
}
