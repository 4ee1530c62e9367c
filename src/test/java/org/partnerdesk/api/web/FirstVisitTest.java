package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Issue #12: what a new user meets first, in a browser or with curl, before reading any document. */
class FirstVisitTest extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theRootAnswersAPageThatSaysWhatThisIsAndLinksTheDocs() {
        Reply page = desk.anonymous().withHeader("Accept", "text/html").get("/");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<html lang=\"en\">", "<title>PartnerDesk</title>", "<h1>PartnerDesk</h1>", "<h2",
                "href=\"/swagger-ui.html\"", "href=\"/v3/api-docs\"", "href=\"/actuator/health\"", "e-mail/token");
        assertThat(page.text()).doesNotContain("<script");
        assertThat(desk.anonymous().get("/swagger-ui.html").status()).isLessThan(400);
    }

    @Test
    void aBrowserWithoutSignInIsToldTheUserNameFormatInThePrompt() {
        Reply refused = desk.anonymous().get("/api/v2/users/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate"))
                .isEqualTo("Basic realm=\"PartnerDesk API: e-mail/token:API_TOKEN or e-mail:password\"");
    }

    @Test
    void aWrongSignInGetsTheSamePrompt() {
        Reply refused = desk.anonymous().withAuthorization("Bearer not-a-token").get("/api/v2/users/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("e-mail/token:API_TOKEN");
    }

    @Test
    void noGeneratedSecurityPasswordUserExists() {
        // Boot's fallback user is what prints "Using generated security password" at start-up
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }
}
