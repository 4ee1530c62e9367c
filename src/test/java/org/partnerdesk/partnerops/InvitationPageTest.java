package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** UI-1, PO-2: the mailed invitation opens the same "Set password" page as a forgotten password, and signs in from there. */
class InvitationPageTest extends BrowserTest {

    private static final String CHOSEN = "my own portal passphrase";

    @Autowired
    JdbcClient db;

    @Test
    void theInvitationLinkOpensSetPasswordAndThePersonSignsInToThePortal() {
        var onboarding = new Onboarding(desk, MAIL, db);
        Desk.Org partner = desk.aPartner("select");
        String email = Desk.unique("rep").toLowerCase() + "@" + partner.domain();
        Reply asked = onboarding.visitor().post("/api/v2/portal_access_requests", """
                {"portal_access_request":{"organization_id":%d,"name":"Rita Rep","email":"%s"}}""".formatted(partner.id(), email));
        assertThat(onboarding.confirm(email).status()).isEqualTo(200);
        Reply approved = onboarding.partnerOperations().api()
                .post("/api/v2/portal_access_requests/" + asked.id("portal_access_request") + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        String token = onboarding.awaitInvitationToken(email);
        assertThat(onboarding.awaitMail(email, "sign-in invitation")).contains("/password/set?invitation=");
        page.navigate(at("/password/set?invitation=" + token));
        assertAccessible();
        page.getByLabel("New password").fill(CHOSEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        page.waitForURL(url -> url.endsWith("/sign-in?password-set"));

        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(CHOSEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> url.endsWith("/portal"));
        assertThat(onboarding.isUsable(token)).isFalse(); // accepted through PortalAccess, once, as the API accepts it

        page.navigate(at("/password/set?invitation=" + token));
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Ask Partner Operations")).count())
                .isEqualTo(1);
        assertAccessible();
    }
}
