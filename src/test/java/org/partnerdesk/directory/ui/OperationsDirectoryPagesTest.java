package org.partnerdesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.escalation.ChatStandIn;
import org.springframework.test.context.TestPropertySource;

/**
 * UI-1 operations console (#16) in a browser: organizations, users and groups, the DIR-3 refusal in words, the special
 * process edited with the keyboard alone and pinned on the partner's tickets, and the alliance webhook's test message.
 * The chat receiver is a stand-in for the chat service, as in AllianceHandoverPartsTest.
 */
// the stand-in chat service listens on loopback, which the desk calls only with this setting (OutboundAddresses)
@TestPropertySource(properties = "partnerdesk.webhooks.allow-internal-addresses=true")
class OperationsDirectoryPagesTest extends BrowserTest {

    @RegisterExtension
    final ChatStandIn chat = new ChatStandIn();

    @Test
    void anAgentAddingACustomerContactToAPartnerOrganizationSeesTheDir3RefusalInWords() {
        var ally = desk.aPartner("alliance");
        var customer = desk.aCustomer();
        var contact = desk.endUserIn(customer);
        var agent = withPassword(desk.agent());
        desk.addToGroup(agent, "Support Managers"); // DIR-4: the alliance partner's members are theirs to change
        signIn(agent);
        page.navigate(at("/ops/organizations/" + ally.id()));

        page.getByLabel("Email").fill(contact.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member")).click();

        var email = page.getByLabel("Email");
        assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
        String said = page.locator("#" + email.getAttribute("aria-describedby").split(" ")[0]).textContent();
        assertThat(said).startsWith("Customers and partners are never put in each other's organizations (DIR-3).")
                .contains(contact.email() + " is a contact of customer " + customer.name(), "cannot join partner " + ally.name());
        assertThat(email.inputValue()).isEqualTo(contact.email());
        assertThat(desk.admin.get("/api/v2/users/" + contact.id()).at("/user/organization_id").longValue()).isEqualTo(customer.id());
        assertAccessible();
    }

    @Test
    void anAdminEditsTheSpecialProcessWithTheKeyboardAloneAndAgentsSeeItPinnedOnThePartnersTicket() {
        var partner = desk.aPartner("select");
        var contact = desk.endUserIn(partner);
        long ticket = contact.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "Cluster upgrade stalls", "ticket_form_id": %d, "comment": {"body": "Node 3 never rejoins."}}}"""
                .formatted(SUPPORT_FORM)).at("/ticket/id").longValue();
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/organizations/" + partner.id()));

        tabTo("Edit organization");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.endsWith("/ops/organizations/" + partner.id() + "/edit"));
        assertAccessible();
        tabTo("Special process");
        page.keyboard().type("Call their NOC before any restart");
        tabTo("Save organization");
        page.keyboard().press("Enter");

        page.waitForURL(url -> url.endsWith("/ops/organizations/" + partner.id()));
        assertThat(page.locator("#flash").textContent()).contains("Saved " + partner.name());
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Special process")).textContent())
                .contains("Call their NOC before any restart");
        page.navigate(at("/agent/tickets/" + ticket));
        assertThat(page.locator("main .pinned").textContent()).contains("Special process for " + partner.name(), "Call their NOC before any restart");
    }

    @Test
    void sendTestMessageSaysWhetherThePartnersChannelGotIt() {
        var ally = desk.aPartner("alliance");
        webhook(ally.id(), "/hook");
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/organizations/" + ally.id()));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test message")).click();

        page.waitForURL(url -> url.endsWith("/ops/organizations/" + ally.id()));
        assertThat(page.locator("#flash").textContent()).contains("Test message delivered to #a_", "answered 200");
        assertThat(chat.received()).singleElement().asString().contains("Test message from PartnerDesk", ally.name());
        assertAccessible();

        webhook(ally.id(), "/gone");
        page.reload();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test message")).click();
        page.waitForURL(url -> url.endsWith("/ops/organizations/" + ally.id()));
        // a failure is shown as a problem, not in the green of a success
        assertThat(page.locator("#flash p.problem").textContent()).contains("Test message not delivered", "the webhook answered 404");
        assertAccessible();
    }

    @Test
    void theOrganizationsListFindsAnOrganizationByTheBeginningOfItsNameOrItsDomainAndShowsItsPage() {
        var partner = desk.aPartner("select");
        var member = desk.endUserIn(partner);
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/organizations"));
        assertAccessible();

        page.getByLabel("Name or domain").fill(partner.name().substring(0, partner.name().length() - 2));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        var found = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(partner.name()));
        assertThat(found.getAttribute("href")).endsWith("/ops/organizations/" + partner.id());
        screenshot("ops-organizations");
        page.getByLabel("Name or domain").fill(partner.domain());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByRole(AriaRole.ROW).count()).as("the header and the one organization claiming the domain").isEqualTo(2);
        page.getByLabel("Name or domain").fill("no-such-organization-at-all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.locator("main").textContent()).contains("No organization has a name beginning with");
        assertAccessible();

        page.navigate(at("/ops/organizations/" + partner.id()));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Organization").setExact(true)).textContent())
                .contains("partner", "select", "compliant with its track's requirements", partner.domain());
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Raise NFR exception")).getAttribute("href"))
                .endsWith("/ops/nfr-exceptions/new?organization=" + partner.id());
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request billing account")).getAttribute("href"))
                .endsWith("/ops/billing-accounts/new?organization=" + partner.id());
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Members"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(member.email())).isVisible()).isTrue();
        assertAccessible();
        screenshot("ops-organization");
    }

    @Test
    void anAdminCreatesAnOrganizationAndIsToldWhatIsWrongFirst() {
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/organizations"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create organization")).click();
        String name = org.partnerdesk.Desk.unique("Initech");
        assertAccessible();

        page.getByLabel("Name").fill(name);
        page.getByLabel("Type").selectOption("customer");
        page.getByLabel("Partner track").selectOption("open");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create organization")).click();
        assertThat(page.getByLabel("Partner track").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.locator("#org-track-error").textContent()).contains("Only partner organizations have a partner track (DIR-1)");
        assertThat(page.getByLabel("Name").inputValue()).isEqualTo(name);
        assertAccessible();

        page.getByLabel("Type").selectOption("partner");
        page.getByLabel("E-mail domains").fill(name.toLowerCase() + ".test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create organization")).click();

        page.waitForURL(url -> url.matches(".*/ops/organizations/\\d+$"));
        assertThat(page.locator("#flash").textContent()).contains("Partner " + name + " created.");
        assertThat(page.locator("h1").textContent()).contains(name, "partner · open");
    }

    @Test
    void anAdminPutsAnAgentIntoAGroupFromTheUserPageAndSeesTheGroupsMembers() {
        var colleague = desk.agent();
        signIn(withPassword(desk.anAdmin()));
        page.navigate(at("/ops/users?q=" + colleague.email().substring(0, 12)));
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(colleague.email())).first().click();
        page.waitForURL(url -> url.endsWith("/ops/users/" + colleague.id()));

        page.getByLabel("Group", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Licensing"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to group")).click();

        page.waitForURL(url -> url.endsWith("/ops/users/" + colleague.id()));
        assertThat(page.locator("#flash").textContent()).contains(colleague.email() + " is now in Licensing.");
        var groups = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Groups"));
        assertThat(groups.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Licensing")).isVisible()).isTrue();
        assertAccessible();
        screenshot("ops-user");

        groups.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Licensing")).click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Members")).textContent()).contains(colleague.email());
        assertAccessible();
        page.navigate(at("/ops/users/groups"));
        assertAccessible();
    }

    private void webhook(long organization, String path) {
        var reply = desk.admin.put("/api/v2/organizations/" + organization, """
                {"organization":{"organization_fields":{"chat_webhook_url":"%s"}}}"""
                .formatted(chat.url(path)));
        assertThat(reply.status()).isEqualTo(200);
    }

    /** Presses Tab until the control with this label or text has the focus: the keyboard alone, as a person would. */
    private void tabTo(String name) {
        for (int i = 0; i < 120; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("""
                    () => { const e = document.activeElement; if (!e) return '';
                            const label = e.labels && e.labels.length ? e.labels[0].innerText : '';
                            return (label || e.innerText || e.value || '').trim(); }""");
            if (name.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + name);
    }
}
