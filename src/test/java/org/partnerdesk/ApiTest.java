package org.partnerdesk;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: the whole desk on a random port, over real HTTP, against one embedded
 * PostgreSQL per test JVM. Every test class shares this configuration, so Spring caches one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partnerdesk.embedded.ephemeral=true",
        "partnerdesk.data-dir=${java.io.tmpdir}/partnerdesk-tests",
        "partnerdesk.admin.email=" + ApiTest.ADMIN_EMAIL,
        "partnerdesk.admin.token=" + ApiTest.ADMIN_TOKEN,
        "partnerdesk.demo-data=false"
})
public abstract class ApiTest {

    public static final String ADMIN_EMAIL = "admin@partnerdesk.test";
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

    @LocalServerPort
    protected int port;

    protected Desk desk;

    @BeforeEach
    void openDesk() {
        desk = new Desk("http://localhost:" + port);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
