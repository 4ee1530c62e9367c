package org.partnerdesk.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;

/** UI-1 "Forgot password?" and "Set password": a single-use link by mail, the password rules next to the field. */
class PasswordPagesTest extends BrowserTest {

    private static final Pattern RESET_LINK = Pattern.compile("https?://[^/\\s]+(/password/set\\?token=[0-9a-f]{64})");
    private static final String NEW_PASSWORD = "a brand new and long passphrase";

    @Test
    void aForgottenPasswordIsSetAgainFromTheMailedLinkOnceAndEndsTheOtherSessions() throws Exception {
        Desk.Account agent = withPassword(desk.agent());
        BrowserContext elsewhere = newContext();
        Page otherDesk = elsewhere.newPage();
        signIn(otherDesk, agent);

        page.navigate(at("/sign-in"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot password?")).click();
        assertAccessible();
        screenshot("forgot-password");
        page.getByLabel("Email").fill(agent.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send link")).click();
        PlaywrightAssertions.assertThat(page.locator("#flash")).containsText("a link to set a new password is on its way");
        assertAccessible();

        String link = resetPathIn(String.valueOf(awaitMail(agent.email(), "/password/set?token=").getContent()));
        page.navigate(at(link));
        page.getByLabel("New password").fill("too short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        assertThat(page.locator("#password-error").textContent()).contains("Password is too short (minimum is 12 characters)");
        assertThat(page.getByLabel("New password").getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();
        screenshot("set-password");

        page.getByLabel("New password").fill(NEW_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        page.waitForURL(url -> url.endsWith("/sign-in?password-set"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Your password is set")).count()).isEqualTo(1);
        page.getByLabel("Email").fill(agent.email());
        page.getByLabel("Password").fill(NEW_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> url.endsWith("/agent"));

        otherDesk.navigate(at("/agent"));
        assertThat(otherDesk.url()).endsWith("/sign-in?expired"); // whoever knew the old password is signed out
        elsewhere.close();

        page.navigate(at(link));
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("This link has been used");
        assertThat(page.getByLabel("New password").count()).isZero();
        assertAccessible();
    }

    @Test
    void aMadeUpLinkSetsNothingAndSaysWhatToDo() {
        page.navigate(at("/password/set?token=" + "0".repeat(64)));

        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("Ask for a new link");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask for a new link")).isVisible()).isTrue();
        var incomplete = page.navigate(at("/password/set"));
        assertThat(incomplete.status()).isEqualTo(404);
    }

    static String resetPathIn(String mailBody) {
        Matcher matcher = RESET_LINK.matcher(mailBody);
        assertThat(matcher.find()).as(mailBody).isTrue();
        return matcher.group(1);
    }
}
