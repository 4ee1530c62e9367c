package org.partnerdesk.partnerops.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.directory.Groups;
import tools.jackson.databind.json.JsonMapper;

/** #16 operations console, PO-5: billing accounts requested from a partner's page, created by Billing Operations, counted down. */
class BillingAccountPagesTest extends BrowserTest {

    @Test
    void anAccountRequestedFromAPartnersPageAndCreatedByBillingOperationsShowsItsCountdown() {
        Org partner = desk.aPartner("select");
        String contact = Desk.unique("ina").toLowerCase() + "@" + partner.domain();
        var partnerOperations = newContext();
        Page olga = partnerOperations.newPage();
        signIn(olga, member(Groups.PARTNER_OPERATIONS));

        olga.navigate(at("/ops/billing-accounts/new?organization=" + partner.id()));
        assertThat(olga.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).contains(partner.name());
        assertAccessible(olga);
        olga.getByLabel("Entity name").fill("ResellCo GmbH");
        olga.getByLabel("Contact name").fill("Ina Invoice");
        olga.getByLabel("Contact e-mail").fill(contact);
        olga.getByLabel("Billing address").fill("Hauptstrasse 1\n10115 Berlin");
        olga.waitForNavigation(() -> olga.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request billing account")).click());

        assertThat(olga.locator("#flash").textContent()).contains("requested for " + partner.name(), "Billing Operations were asked");
        assertThat(olga.locator(".ticket-state").textContent()).contains("waiting for Billing Operations to create it");
        assertThat(olga.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).count()).as("Partner Operations create none").isZero();
        assertAccessible(olga);
        String address = olga.url();
        partnerOperations.close();

        signIn(member(Groups.BILLING_OPERATIONS));
        page.navigate(address);
        page.waitForNavigation(() -> button("Create").click());

        assertThat(page.locator("#flash").textContent()).contains("created: active in 2 h", "sales can choose it as invoice owner");
        assertThat(page.locator(".ticket-state").textContent()).contains("active in 2 h", "Not yet available for quoting");
        assertAccessible();
        long id = Long.parseLong(address.replaceAll(".*/", ""));
        assertThat(desk.admin.get("/api/v2/billing_accounts/" + id).at("/billing_account/status").stringValue()).isEqualTo("provisioning");
        page.navigate(at("/ops/billing-accounts"));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(contact)).textContent())
                .contains("ResellCo GmbH", "provisioning", "active in 2 h", "Not yet");
        assertAccessible();
        screenshot("ops-billing-accounts");
    }

    @Test
    void anAgentOutsideBillingOperationsSeesNoCreateButtonAndItsPostIsRefused() {
        Org partner = desk.aPartner("open");
        Account sam = desk.endUserIn(partner);
        long id = sam.api().post("/api/v2/billing_accounts", """
                {"billing_account":{"entity_name":"Sam's new entity","contact":{"name":"Ina","email":"%s","address":"Berlin"}}}"""
                .formatted(Desk.unique("ina").toLowerCase() + "@" + partner.domain())).id("billing_account");
        signIn(withPassword(desk.agent()));

        page.navigate(at("/ops/billing-accounts?state=requested"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sam's new entity")).count()).isEqualTo(1);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).count()).isZero();
        assertAccessible();
        page.navigate(at("/ops/billing-accounts/" + id));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).count()).isZero();
        assertThat(page.getByText("Billing Operations create this account (PO-5).").isVisible()).isTrue();
        assertAccessible();

        APIResponse refused = context.request().post(at("/ops/billing-accounts/" + id + "/create"),
                RequestOptions.create().setHeader("X-CSRF-TOKEN", csrf()).setMaxRedirects(0));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("Only members of Billing Operations create billing accounts (PO-5).");
        assertThat(desk.admin.get("/api/v2/billing_accounts/" + id).at("/billing_account/status").stringValue()).isEqualTo("requested");
        assertThat(context.request().get(at("/ops/billing-accounts/new?organization=" + partner.id())).status())
                .as("nor may a plain agent ask for one (PO-5)").isEqualTo(403);
    }

    @Test
    void aCustomersContactIsRefusedAsBillingContactNextToTheFieldAndTheFormKeepsWhatWasTyped() { // DIR-3
        Org partner = desk.aPartner("open");
        Account customerContact = desk.endUserIn(desk.aCustomer());
        signIn(member(Groups.BILLING_OPERATIONS));
        page.navigate(at("/ops/billing-accounts/new"));

        page.getByLabel("Partner organization").fill(partner.name());
        page.getByLabel("Contact name").fill("Ann Customer");
        page.getByLabel("Contact e-mail").fill(customerContact.email());
        page.getByLabel("Billing address").fill("Somewhere 1");
        page.waitForNavigation(() -> button("Request billing account").click());

        assertThat(page.locator("#billing-contact-email-error").textContent()).contains("is a customer contact", "(DIR-3)");
        assertThat(page.getByLabel("Contact e-mail").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.getByLabel("Partner organization").inputValue()).isEqualTo(partner.name());
        assertThat(page.getByLabel("Billing address").inputValue()).isEqualTo("Somewhere 1");
        assertAccessible();
        screenshot("ops-billing-account-request");
    }

    private Account member(String group) {
        Account staff = withPassword(desk.agent());
        desk.addToGroup(staff, group);
        return staff;
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    // the token htmx sends (hx-headers on <body>), as a script posting from the signed-in browser would
    private String csrf() {
        String headers = page.locator("body").getAttribute("hx-headers");
        return JsonMapper.builder().build().readTree(headers).properties().iterator().next().getValue().stringValue();
    }
}
