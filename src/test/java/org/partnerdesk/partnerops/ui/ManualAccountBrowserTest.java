package org.partnerdesk.partnerops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.partnerdesk.partnerops.NfrDesk;

/**
 * UI-1 / PO-1 in a real browser: Partner Operations create a partner account by hand from the applications page; a
 * missing Reason is said next to the Reason with the rest kept, and the account made shows its reason; by keyboard alone.
 */
class ManualAccountBrowserTest extends BrowserTest {

    NfrDesk nfr;

    @BeforeEach
    void arrange() {
        nfr = new NfrDesk(desk, MAIL);
    }

    @Test // PO-1
    void partnerOperationsCreateAnAccountByHandAndItShowsWithItsReason() throws Exception {
        String company = Desk.unique("Summit Signed");
        String email = Desk.unique("sia").toLowerCase() + "@summit-signed.test";
        signIn(withPassword(nfr.member("Partner Operations")));
        page.navigate(at("/ops/applications"));
        page.waitForNavigation(() -> link("Create a partner account by hand").click());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent())
                .isEqualTo("Create a partner account by hand");
        assertAccessible();

        field("Company").fill(company);
        field("Contact name").fill("Sia Summit");
        field("Contact e-mail").fill(email);
        page.getByLabel("Yes, an authorized signatory").check();
        page.getByLabel("Accepted as it stands").check();
        screenshot("ops-application-new");
        page.waitForNavigation(() -> button("Create partner account").click());

        assertThat(page.locator("#manual_reason-error").textContent()).contains("Write the reason for creating this account by hand");
        assertThat(field("Reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field("Company").inputValue()).isEqualTo(company);
        assertThat(page.getByLabel("Yes, an authorized signatory").isChecked()).isTrue();
        assertAccessible();

        field("Reason").fill("Agreement signed on paper at the partner summit.");
        page.waitForNavigation(() -> button("Create partner account").click());

        assertThat(page.locator("#flash").textContent()).contains("Partner organization " + company, "created by hand", email);
        assertThat(page.textContent("main")).contains("made by hand by Partner Operations", "Agreement signed on paper at the partner summit.");
        assertThat(link(company).first().isVisible()).as("the partner organization made").isTrue();
        assertAccessible();
        assertThat(awaitMail(email, company)).isNotNull();
    }

    @Test // PO-1, WCAG 2.1.1
    void partnerOperationsCreateAnAccountByHandByKeyboardAlone() {
        String company = Desk.unique("Keyboard Hand");
        signIn(withPassword(nfr.member("Partner Operations")));
        page.navigate(at("/ops/applications"));
        tabTo(link("Create a partner account by hand"));
        page.waitForNavigation(() -> page.keyboard().press("Enter"));

        tabTo(field("Company"));
        page.keyboard().type(company);
        tabTo(field("Contact name"));
        page.keyboard().type("Kim Keys");
        tabTo(field("Contact e-mail"));
        page.keyboard().type(Desk.unique("kim").toLowerCase() + "@keyboard-hand.test");
        tabTo(page.getByLabel("Yes, an authorized signatory"));
        page.keyboard().press("Space");
        tabTo(page.getByLabel("Accepted as it stands"));
        page.keyboard().press("Space");
        tabTo(field("Reason"));
        page.keyboard().type("Reseller contract signed with the distributor.");
        tabTo(button("Create partner account"));
        page.waitForNavigation(() -> page.keyboard().press("Enter"));

        assertThat(page.locator("#flash").textContent()).contains("Partner organization " + company, "created by hand");
        assertThat(page.textContent("main")).contains("Reseller contract signed with the distributor.");
    }

    @Test // UI-1 at 320 px: a label that wraps onto two lines ("Changed or questioned ...") once squeezed its radio
    void everyRadioKeepsItsFullSizeAt320PxWhenItsLabelWraps() {
        signIn(withPassword(nfr.member("Partner Operations")));
        page.setViewportSize(320, 900);
        page.navigate(at("/ops/applications/new"));
        screenshot("ops-application-new-320");

        Locator radios = page.locator("main input[type=radio]");
        assertThat(radios.count()).isEqualTo(4);
        for (Locator radio : radios.all()) {
            var box = radio.boundingBox();
            assertThat(box.width).as(radio.getAttribute("value") + " radio's width").isEqualTo(24.0);
            assertThat(box.height).as(radio.getAttribute("value") + " radio's height").isEqualTo(24.0);
        }
        Locator wrapped = page.locator("label.check", new Page.LocatorOptions().setHasText("Changed or questioned"));
        assertThat(wrapped.boundingBox().height).as("the label wraps at 320 px").isGreaterThan(40.0);
        assertAccessible();
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
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
