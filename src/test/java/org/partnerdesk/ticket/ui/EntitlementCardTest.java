package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/** SPEC 2, ENT-8, UI-1: the entitlement card on the agent ticket page, its trace in words, and correcting the requester. */
class EntitlementCardTest extends BrowserTest {

    @Test
    void theCardShowsWhatTheTicketIsServedUnderAndWhyOpensTheTraceInWords() {
        Org acme = desk.aCustomer();
        long subscription = desk.subscribe(acme, "premium");
        long id = desk.endUserIn(acme).api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner stuck","ticket_form_id":%d,"priority":"high","comment":{"body":"Jobs wait."}}}"""
                .formatted(SUPPORT_FORM)).id("ticket");
        signIn(withPassword(desk.agent()));

        page.navigate(at("/agent/tickets/" + id));

        Locator card = entitlement();
        assertThat(card.textContent()).contains(acme.name() + ": Premium subscription #" + subscription, "Priority support", "ENT-10")
                .containsPattern("First reply due in \\d+");
        Locator trace = card.locator(".trace");
        assertThat(trace.isVisible()).isFalse();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Why?")).click();

        assertThat(trace.isVisible()).isTrue();
        assertThat(trace.textContent()).contains("ENT-10", "Customers are served under their own subscription: ")
                .contains("Served under premium subscription #" + subscription + " of customer " + acme.name());
        assertAccessible();
    }

    @Test
    void anAgentCorrectsAMistypedRequesterEmailAfterSeeingTheNewDecisionBesideTheCurrentOne() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        long id = mistypedByAPartner(ann.email().replace(".test", ".tset"));
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id));
        assertThat(entitlement().textContent()).contains("needs_org", "ENT-7");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Correct requester")).click();
        page.getByLabel("Requester's e-mail").fill(ann.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

        Locator preview = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Correction preview"));
        Locator now = preview.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Now"));
        Locator after = preview.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("After the correction"));
        assertThat(now.textContent()).contains("ENT-7", "needs_org", "Nothing");
        assertThat(after.textContent()).contains("ENT-1", acme.name() + ": Premium subscription", "Priority support", ann.email())
                .doesNotContain("needs_org");
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/entitlement").at("/entitlement/rule").stringValue())
                .as("a preview stores nothing").isEqualTo("ENT-7");
        assertAccessible();
        screenshot("agent-correction");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save correction")).click();

        page.waitForURL(url -> url.endsWith("/agent/tickets/" + id));
        assertThat(entitlement().textContent()).contains("ENT-1", acme.name() + ": Premium subscription", "Priority support")
                .doesNotContain("needs_org");
        assertThat(page.locator("#flash").textContent()).contains("Requester corrected to " + ann.email());
        assertThat(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/requester_id").longValue()).isEqualTo(ann.id());
        assertAccessible();
    }

    @Test
    void anAgentWhoKnowsOnlyTheCustomerPicksTheRequesterAmongItsContacts() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "ultimate");
        Account ann = desk.endUserIn(acme);
        long id = mistypedByAPartner("someone@nowhere-known.test");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id + "/correction"));

        page.getByLabel("Requester's e-mail").fill("");
        page.getByLabel("Organization").fill(acme.name());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview with " + ann.email())).click();

        Locator after = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("After the correction"));
        assertThat(after.textContent()).contains("ENT-1", acme.name() + ": Ultimate subscription", ann.email());
        assertAccessible();
    }

    @Test
    void aCorrectedEmailThatNamesNoUserIsSaidAndChangesNothing() {
        long id = mistypedByAPartner("nobody@unknown-customer.test");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id + "/correction"));
        assertAccessible();

        page.getByLabel("Requester's e-mail").fill("still-nobody@unknown-customer.test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("No user has the e-mail still-nobody@unknown-customer.test");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save correction")).count()).isZero();
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/entitlement").at("/entitlement/rule").stringValue()).isEqualTo("ENT-7");
        assertAccessible();
    }

    @Test
    void aPartnerContactCannotBePreviewedAsTheCustomersRequester() { // DIR-3, refused as PUT /api/v2/tickets/{id} refuses it
        Account otherPartner = desk.endUserIn(desk.aPartner("select"));
        long id = mistypedByAPartner("ann@acme-typo.test");
        signIn(withPassword(desk.agent()));
        page.navigate(at("/agent/tickets/" + id + "/correction"));

        page.getByLabel("Requester's e-mail").fill(otherPartner.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("cannot be the requester of this ticket", "DIR-3");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save correction")).count()).isZero();
    }

    private Locator entitlement() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Entitlement"));
    }

    /** ENT-7: an Open partner files for its customer with a mistyped Organization Email (partners). */
    private long mistypedByAPartner(String organizationEmail) {
        Account sam = desk.endUserIn(desk.aPartner("open"));
        return sam.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Pipeline fails","ticket_form_id":%d,"comment":{"body":"For our customer."},
                 "custom_fields":[{"id":%d,"value":"%s"},{"id":%d,"value":"on_behalf_of_customer"}]}}"""
                .formatted(OPEN_PARTNER_FORM, ORGANIZATION_EMAIL, organizationEmail, PARTNER_ENGAGEMENT)).id("ticket");
    }
}
