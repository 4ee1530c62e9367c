package org.partnerdesk.partnerops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.partnerops.NfrDesk;

/**
 * UI-1 operations console in a real browser: Partner Operations approve an application (PO-1) and the applicant's
 * invitation arrives; two directors approve an NFR exception in two browsers and Partner Operations fulfil it (PO-4);
 * a decline with its reason by keyboard alone; Licensing fulfil an NFR request with its eligibility explained (PO-3).
 */
class OpsInboxBrowserTest extends BrowserTest {

    NfrDesk nfr;
    OpsFixtures ops;

    @BeforeEach
    void arrange() {
        nfr = new NfrDesk(desk, MAIL);
        ops = new OpsFixtures(desk, nfr);
    }

    @Test // PO-1, PO-2
    void partnerOperationsApproveAnApplicationInReviewAndTheApplicantsInvitationArrives() throws Exception {
        var application = ops.anApplicationInReview(Desk.unique("Initrode Resellers"));
        long accessRequest = ops.anAccessRequest(desk.aPartner("open"));
        signIn(withPassword(nfr.member("Partner Operations")));

        page.navigate(at("/ops"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).isEqualTo("Inboxes");
        assertAccessible();
        screenshot("ops-home");
        page.waitForNavigation(() -> link("Partner applications in review").click());
        assertAccessible();
        screenshot("ops-applications");
        openFromList(application.company());
        assertThat(page.textContent("main")).contains("May we resell in two countries?");
        assertAccessible();

        page.waitForNavigation(() -> button("Approve").click());

        assertThat(page.locator("#flash").textContent()).contains("Partner application #" + application.id(), "approved");
        assertThat(awaitMail(application.applicant().email(), "Your application has been approved").getSubject())
                .contains("sign-in invitation");
        assertThat(desk.admin.get("/api/v2/partner_applications/" + application.id()).at("/partner_application/status").stringValue())
                .isEqualTo("approved");

        page.navigate(at("/ops/access-requests"));
        assertAccessible();
        page.navigate(at("/ops/access-requests/" + accessRequest));
        assertThat(button("Approve").isVisible()).isTrue();
        assertAccessible();
    }

    @Test // PO-4
    void bothDirectorsApproveAnExceptionInTwoBrowsersAndPartnerOperationsFulfilIt() {
        var cast = ops.anExceptionCast();
        long id = ops.askException(cast, 40);
        signIn(withPassword(cast.programsDirector()));
        page.navigate(at("/ops/nfr-exceptions?status=awaiting_me"));
        assertAccessible();
        openFromList("NFR exception #" + id);
        assertThat(approvals().textContent()).contains("Programs Director", "Channel Director", "Awaiting decision");
        assertAccessible();

        page.getByLabel("Reason").fill("Fits the partner programme's plans for next quarter.");
        page.waitForNavigation(() -> button("Approve").click());

        assertThat(page.locator("#flash").textContent()).contains("waits for the other director");
        assertThat(approvals().textContent()).contains("Approved", "Fits the partner programme's plans");
        assertThat(button("Approve").count()).as("a director decides once").isZero();
        assertAccessible();
        screenshot("ops-nfr-exception");

        BrowserContext second = newContext();
        try {
            Page director = second.newPage();
            signIn(director, withPassword(cast.channelDirector()));
            director.navigate(at("/ops/nfr-exceptions/" + id));
            director.waitForNavigation(() -> director.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click());
            assertThat(director.locator("#flash").textContent()).contains("both directors approved it");
            assertAccessible(director);
        } finally {
            second.close();
        }
        BrowserContext third = newContext();
        try {
            Page partnerOps = third.newPage();
            signIn(partnerOps, withPassword(nfr.member("Partner Operations")));
            partnerOps.navigate(at("/ops/nfr-exceptions/" + id));
            assertAccessible(partnerOps);
            partnerOps.waitForNavigation(() -> partnerOps.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fulfil")).click());
            assertThat(partnerOps.locator("#flash").textContent()).contains("NFR exception #" + id + " fulfilled", "40 users");
            assertAccessible(partnerOps);
        } finally {
            third.close();
        }
        assertThat(desk.admin.get("/api/v2/nfr_exceptions/" + id).at("/nfr_exception/status").stringValue()).isEqualTo("fulfilled");
    }

    @Test // PO-1, WCAG 2.1.1
    void partnerOperationsDeclineAnApplicationWithAReasonByKeyboardAlone() throws Exception {
        var application = ops.anApplicationInReview(Desk.unique("Keyboard Declined"));
        signIn(withPassword(nfr.member("Partner Operations")));
        page.navigate(at("/ops/applications/" + application.id()));

        tabTo(page.getByLabel("Reason"));
        page.keyboard().type("   ");
        tabTo(button("Decline"));
        page.waitForNavigation(() -> page.keyboard().press("Enter"));

        assertThat(page.locator("#decision-reason-error").textContent()).contains("Write the reason for declining");
        assertThat(page.getByLabel("Reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();

        tabTo(page.getByLabel("Reason"));
        page.keyboard().press("Control+A");
        page.keyboard().type("We work with partners in the EU only for now.");
        tabTo(button("Decline"));
        page.waitForNavigation(() -> page.keyboard().press("Enter"));

        assertThat(page.locator("#flash").textContent()).contains("declined");
        assertThat(awaitMail(application.applicant().email(), "We work with partners in the EU only for now.")).isNotNull();
        assertThat(desk.admin.get("/api/v2/partner_applications/" + application.id()).at("/partner_application/status").stringValue())
                .isEqualTo("declined");
    }

    @Test // PO-3, PO-4
    void licensingReadsTheEligibilityAndFulfilsAndAChannelManagerAsksForAnExceptionFromThePartnersPage() {
        var partner = desk.aPartner("open");
        Account sam = nfr.eligiblePartnerUser(partner);
        long eligible = nfr.ask(sam, 5).id("nfr_request");
        long overAllowance = nfr.ask(sam, 500).id("nfr_request");
        signIn(withPassword(nfr.member("Licensing")));
        page.navigate(at("/ops/nfr-requests"));
        assertAccessible();

        page.navigate(at("/ops/nfr-requests/" + eligible));
        assertThat(page.getByRole(AriaRole.LIST).filter(new Locator.FilterOptions().setHasText("Partner track")).textContent())
                .contains("Met:", "is on the open track", "certified as");
        assertAccessible();
        page.waitForNavigation(() -> button("Fulfil").click());
        assertThat(page.locator("#flash").textContent()).contains("NFR request #" + eligible + " fulfilled");

        page.navigate(at("/ops/nfr-requests/" + overAllowance));
        assertThat(page.textContent("main")).contains("Missing:", "How to meet it");
        assertThat(button("Fulfil").count()).as("an ineligible request is not Licensing's to fulfil").isZero();
        assertAccessible();

        BrowserContext second = newContext();
        try {
            Page manager = second.newPage();
            Account carl = withPassword(nfr.channelManagerOf(nfr.member("Channel Directors")));
            signIn(manager, carl);
            manager.navigate(at("/agent/organizations/" + partner.id()));
            manager.waitForNavigation(() -> manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask for an NFR exception")).click());
            manager.getByLabel("Standard NFR request").selectOption(String.valueOf(overAllowance));
            manager.waitForNavigation(() -> manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for the exception")).click());
            assertThat(manager.locator("#exception-users-error").textContent()).contains("number of NFR users");
            assertAccessible(manager);
            manager.getByLabel("Users").fill("500");
            manager.getByLabel("Business justification").fill("Training centre for the partner's whole region.");
            manager.waitForNavigation(() -> manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for the exception")).click());
            assertThat(manager.locator("#flash").textContent()).contains("asked for");
            assertThat(manager.textContent("main")).contains("Training centre for the partner", "Awaiting decision");
        } finally {
            second.close();
        }
    }

    // the lists are oldest first and shared with other tests: follow "Next page" until the row shows
    private void openFromList(String name) {
        for (int i = 0; i < 200; i++) {
            Locator row = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
            if (row.count() > 0) {
                page.waitForNavigation(row::click);
                return;
            }
            page.waitForNavigation(() -> link("Next page").click());
        }
        throw new AssertionError("no " + name + " in the list");
    }

    private Locator approvals() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Approvals"));
    }

    private Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Presses Tab until {@code target} has the focus, as KeyboardOnlyFlowTest does. */
    private void tabTo(Locator target) {
        for (int i = 0; i < 300; i++) {
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + target);
    }
}
