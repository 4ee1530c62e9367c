package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;

/** #15, UI-1: a partner's NFR licenses (PO-3, PO-4), certifications and users in the portal, in a browser. */
class PartnerPortalPagesTest extends BrowserTest {

    @Test
    void anNfrRequestShowsTheMissingCertificationWithHowToMeetItAndTheExceptionRaisedOnIt() {
        NfrDesk nfr = new NfrDesk(desk, MAIL);
        Desk.Org partner = desk.aPartner("open");
        Desk.Account sam = withPassword(desk.endUserIn(partner));
        signIn(sam);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("NFR licenses")).click();
        page.waitForURL(url -> url.endsWith("/portal/nfr"));
        assertThat(page.locator("main").innerText()).contains("Your organization holds no NFR licenses yet",
                "Your organization has not requested NFR licenses yet");
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request NFR licenses")).click();
        assertThat(page.locator("#users-error").textContent()).contains("say how many NFR users you need");
        assertThat(page.getByLabel("Users").getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();

        page.getByLabel("Users").fill("5");
        page.getByLabel("Deployment").selectOption("self_managed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request NFR licenses")).click();
        PlaywrightAssertions.assertThat(page.locator("#flash")).containsText("not eligible yet");
        Locator request = page.locator("article.nfr-request").first();
        PlaywrightAssertions.assertThat(request).containsText("Certification: missing");
        PlaywrightAssertions.assertThat(request.locator("li.missing")).containsText(
                "How to meet it: Have at least one employee pass the Solution Architect or the Professional Services Engineer certification");
        PlaywrightAssertions.assertThat(request.locator("li.met").first()).containsText("Partner track: met");
        long id = Long.parseLong(request.getAttribute("id").substring("request-".length()));

        Desk.Account manager = nfr.channelManagerOf(nfr.member("Channel Directors"));
        Reply raised = manager.api().post("/api/v2/nfr_exceptions", """
                {"nfr_exception":{"nfr_request_id":%d,"users":5,"business_justification":"Launch demo for a large bank"}}""".formatted(id));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        page.reload();
        PlaywrightAssertions.assertThat(page.locator("#request-" + id)).containsText(
                "A Channel Manager asked for an exception of 5 users: waiting for approval (0 of 2 approvals so far).");
        assertThat(page.locator("#request-" + id).innerText()).doesNotContain("Launch demo for a large bank");
        assertAccessible();
        screenshot("portal-nfr");
    }

    @Test
    void aPartnerReadsItsCertificationsAndItsColleagues() {
        NfrDesk nfr = new NfrDesk(desk, MAIL);
        Desk.Org partner = desk.aPartner("select");
        Desk.Account sam = withPassword(nfr.eligiblePartnerUser(partner));
        Desk.Account colleague = desk.endUserIn(partner);
        signIn(sam);

        page.navigate(at("/portal/certifications"));
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Certifications")))
                .containsText("Solution Architect");
        assertAccessible();

        page.navigate(at("/portal/users"));
        Locator users = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Users"));
        PlaywrightAssertions.assertThat(users).containsText(colleague.email());
        PlaywrightAssertions.assertThat(users).containsText(sam.email());
        assertThat(page.locator("main form").count()).as("read only").isZero();
        assertAccessible();
    }
}
