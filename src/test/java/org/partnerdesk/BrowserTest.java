package org.partnerdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * UI-1: the pages in a real browser (Debian's Chromium through Playwright), signed in through the sign-in form, with
 * axe-core checking each page and state at 1280 and 320 px. Without Chromium the tests are skipped on a laptop and
 * fail in CI ({@code CI=true}), as the upload page's do. {@code -Dpartnerdesk.screenshots=docs/screenshots} keeps a
 * picture of each page {@link #screenshot} names.
 */
public abstract class BrowserTest extends ApiTest {

    /** The password every browser test's user signs in with. */
    protected static final String PASSWORD = "correct horse battery staple";

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PARTNERDESK_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final String NO_CHROMIUM = "the browser tests need Chromium at " + CHROMIUM
            + " (apt-get install chromium, or set PARTNERDESK_TEST_CHROMIUM)";
    /** UI-1 budgets: WCAG 2.2 AA as axe-core tags it. */
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    protected Passwords passwords;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void startBrowser() {
        if (playwright != null || !Files.isExecutable(CHROMIUM)) {
            return;
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true).setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")));
    }

    // per class: a browser left open at the JVM's end keeps Surefire's fork from exiting
    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            browser.close();
            playwright.close();
            playwright = null;
            browser = null;
        }
    }

    @BeforeEach
    void openBrowser() {
        requireBrowser();
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        if (context != null) {
            context.close();
        }
    }

    /** A second, separate browser (its own cookies), e.g. for a colleague on the same ticket. */
    protected BrowserContext newContext() {
        requireBrowser();
        BrowserContext created = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        created.setDefaultTimeout(10_000);
        return created;
    }

    /** A browser with JavaScript turned off: every form must still work as a plain page post (UI-1). */
    protected BrowserContext newContextWithoutScript() {
        requireBrowser();
        BrowserContext created = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setJavaScriptEnabled(false));
        created.setDefaultTimeout(10_000);
        return created;
    }

    // per test, not in @BeforeAll: Surefire counts an aborted test as Skipped with its message, an aborted class as nothing
    private static void requireBrowser() {
        if (browser != null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(NO_CHROMIUM + "; CI must not skip it (CI=true)");
        }
        org.junit.jupiter.api.Assumptions.abort(NO_CHROMIUM + "; skipped (in CI, with CI=true, this fails instead)");
    }

    /** A page's address; the browser resolves no name but 127.0.0.1 (no request may leave the machine). */
    protected String at(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Gives the account {@link #PASSWORD}, so it can sign in through the form. */
    protected Desk.Account withPassword(Desk.Account account) {
        passwords.set(account.id(), PASSWORD);
        return account;
    }

    /** Signs in through the sign-in page, by the labels UI.md promises. */
    protected void signIn(Page in, Desk.Account account) {
        in.navigate(at("/sign-in"));
        in.getByLabel("Email").fill(account.email());
        in.getByLabel("Password").fill(PASSWORD);
        in.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        in.waitForURL(url -> !url.contains("/sign-in"));
    }

    protected void signIn(Desk.Account account) {
        signIn(page, account);
    }

    /** UI-1: no serious or critical axe-core violation on this page as it is, at 1280 and at 320 px wide. */
    protected void assertAccessible(Page checked) {
        var before = checked.viewportSize();
        try {
            for (int width : new int[] {1280, 320}) {
                checked.setViewportSize(width, 900);
                AxeResults results = new AxeBuilder(checked).withTags(WCAG).analyze();
                List<String> serious = results.getViolations().stream()
                        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                        .map(rule -> describe(rule, width)).toList();
                assertThat(serious).as("axe-core on " + checked.url() + " at " + width + " px").isEmpty();
            }
        } finally {
            checked.setViewportSize(before.width, before.height);
        }
    }

    protected void assertAccessible() {
        assertAccessible(page);
    }

    private static String describe(Rule rule, int width) {
        return rule.getId() + " (" + rule.getImpact() + ", " + width + " px): " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList();
    }

    /** Keeps a picture of the page for docs/ when {@code -Dpartnerdesk.screenshots=<dir>} is given; else nothing. */
    protected void screenshot(String name) {
        String dir = System.getProperty("partnerdesk.screenshots");
        if (dir != null && !dir.isBlank()) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name + ".png")).setFullPage(true));
        }
    }
}
