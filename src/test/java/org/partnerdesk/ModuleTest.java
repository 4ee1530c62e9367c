package org.partnerdesk;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the {@code @ApplicationModuleTest}s (issue #13): one module bootstrapped without the rest of the desk, on its own
 * ephemeral embedded PostgreSQL and this JVM's data directory; no HTTP server, no mail server (mail is kept, issue #12).
 * Every such test names {@code database} and {@code api} in {@code extraIncludes}: Modulith bootstraps the modules whose
 * beans a module injects, and the DataSource and the desk's Clock (api.web.ClockConfiguration) are injected by JDK types.
 */
@TestPropertySource(properties = {
        "partnerdesk.embedded.ephemeral=true",
        "partnerdesk.admin.email=" + ApiTest.ADMIN_EMAIL,
        "partnerdesk.admin.token=" + ApiTest.ADMIN_TOKEN,
        "partnerdesk.demo-data=false",
        // the "mail" health group names notification's smtp indicator, which a module test without notification lacks
        "management.endpoint.health.validate-group-membership=false"
})
public abstract class ModuleTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("partnerdesk.data-dir", () -> TestDataDir.PATH.toString());
    }
}
