package org.partnerdesk.partnerops.certification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.directory.Groups;
import tools.jackson.databind.json.JsonMapper;

/** #16 operations console, PO-3: the certification register, filtered, kept by Partner Operations. */
class CertificationPageTest extends BrowserTest {

    @Test
    void partnerOperationsRecordACertificationAndTheRegisterShowsItForThePartner() {
        Org partner = desk.aPartner("select");
        Account pat = desk.endUserIn(partner);
        Account olga = withPassword(desk.agent());
        desk.addToGroup(olga, Groups.PARTNER_OPERATIONS);
        signIn(olga);
        page.navigate(at("/ops/certifications"));
        assertAccessible();

        page.getByLabel("Holder's e-mail").fill(pat.email());
        page.getByLabel("Certification", new Page.GetByLabelOptions().setExact(true)).selectOption("solution_architect");
        page.getByLabel("Passed on").fill(LocalDate.now().minusMonths(2).toString());
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record certification")).click());

        assertThat(page.locator("#flash").textContent()).contains(pat.email(), "Solution Architect", "recorded (PO-3)");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).contains(partner.name());
        Locator register = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Certification register"));
        assertThat(register.getByRole(AriaRole.ROW).nth(1).textContent()).contains(pat.email(), partner.name(), "Solution Architect", "no end", "valid");
        assertAccessible();
        screenshot("ops-certifications");

        page.getByLabel("Kind").selectOption("sales_core");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click());
        assertThat(page.getByText("No certifications are recorded at " + partner.name() + " of this kind.").isVisible()).isTrue();

        page.getByLabel("Holder's e-mail").fill(pat.email());
        page.getByLabel("Certification", new Page.GetByLabelOptions().setExact(true)).selectOption("solution_architect");
        page.getByLabel("Passed on").fill(LocalDate.now().minusDays(3).toString());
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record certification")).click());

        assertThat(page.locator("#record-kind-error").textContent()).contains("already holds solution_architect");
        assertThat(page.getByLabel("Holder's e-mail").inputValue()).isEqualTo(pat.email());
        assertAccessible();
    }

    @Test
    void anAgentOutsidePartnerOperationsReadsTheRegisterButCannotRecord() {
        Org partner = desk.aPartner("open");
        Account sam = desk.endUserIn(partner);
        signIn(withPassword(desk.agent()));
        page.navigate(at("/ops/certifications?organization=" + partner.name()));

        assertThat(page.getByLabel("Holder's e-mail").count()).isZero();
        assertThat(page.getByText("No certifications are recorded at " + partner.name() + ".").isVisible()).isTrue();
        assertAccessible();
        String token = JsonMapper.builder().build().readTree(page.locator("body").getAttribute("hx-headers"))
                .properties().iterator().next().getValue().stringValue();

        APIResponse refused = context.request().post(at("/ops/certifications"), RequestOptions.create().setHeader("X-CSRF-TOKEN", token)
                .setForm(FormData.create().set("holder", sam.email()).set("kind", "sales_core").set("passedOn", "2026-01-02"))
                .setMaxRedirects(0));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("Only members of Partner Operations may record certifications (PO-3).");
        assertThat(desk.admin.get("/api/v2/certifications?organization_id=" + partner.id()).at("/certifications").size()).isZero();
    }
}
