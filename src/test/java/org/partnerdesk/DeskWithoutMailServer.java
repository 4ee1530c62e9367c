package org.partnerdesk;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests of a desk as a new user starts it: demo data, no mail server (mail is kept, issue #12). One context
 * for all of them, apart from {@link ApiTest}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partnerdesk.embedded.ephemeral=true",
        "partnerdesk.admin.email=" + ApiTest.ADMIN_EMAIL,
        "partnerdesk.admin.token=" + ApiTest.ADMIN_TOKEN,
        "partnerdesk.demo-data=true"
})
public abstract class DeskWithoutMailServer {

    @LocalServerPort
    protected int port;

    protected Desk desk;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("partnerdesk.data-dir", () -> TestDataDir.PATH.toString());
    }

    @BeforeEach
    void openDesk() {
        desk = new Desk("http://localhost:" + port);
    }
}
