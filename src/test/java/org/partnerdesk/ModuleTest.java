package org.partnerdesk;

import org.partnerdesk.database.LocalPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the {@code @ApplicationModuleTest}s (issue #13): one module bootstrapped without the rest of the desk; no HTTP
 * server, no mail server (mail is kept, issue #12). Every such test names {@code api} in {@code extraIncludes}: Modulith
 * bootstraps the modules whose beans a module injects, and the desk's Clock (api.web.ClockConfiguration) is injected by
 * a JDK type.
 * <p>
 * The module tests share one embedded PostgreSQL per test JVM (the {@code database} module's {@link LocalPostgres}, as an
 * external database): creating a cluster took half of each module test's start-up, and each context after the first
 * finds the schema migrated. Their data never collide: each test makes its own users, organizations and tickets.
 */
@TestPropertySource(properties = {
        "partnerdesk.admin.email=" + ApiTest.ADMIN_EMAIL,
        "partnerdesk.admin.token=" + ApiTest.ADMIN_TOKEN,
        "partnerdesk.demo-data=false",
        // the "mail" health group names notification's smtp indicator, which a module test without notification lacks
        "management.endpoint.health.validate-group-membership=false"
})
public abstract class ModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("partnerdesk.data-dir", () -> TestDataDir.PATH.toString());
        registry.add("spring.datasource.url", () -> SharedDatabase.POSTGRES.jdbcUrl());
        registry.add("spring.datasource.username", () -> SharedDatabase.POSTGRES.username());
    }

    /** Started on first use, stopped (and its cluster deleted) when the JVM ends, after the cached contexts closed. */
    private static final class SharedDatabase {

        static final LocalPostgres POSTGRES = start();

        private static LocalPostgres start() {
            LocalPostgres postgres = LocalPostgres.start(TestDataDir.PATH.resolve("pg-modules-" + ProcessHandle.current().pid()), true);
            // a JVM hook of its own ran beside Boot's, which closes the contexts: their schedulers then waited 30 s for connections
            SpringApplication.getShutdownHandlers().add(postgres::close);
            return postgres;
        }
    }
}
