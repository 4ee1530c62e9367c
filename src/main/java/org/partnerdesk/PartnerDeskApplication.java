package org.partnerdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// API-2: tokens and stored passwords are the only sign-ins; Boot's in-memory user (and its "generated security password") is not one
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class PartnerDeskApplication {

    /** Set by pom.xml for {@code mvn spring-boot:run}: a stop signal ends the run the way Ctrl-C does. */
    static final String STOP_AS_INTERRUPT = "partnerdesk.stop-as-interrupt";

    public static void main(String[] args) {
        if (Boolean.getBoolean(STOP_AS_INTERRUPT)) {
            stopAsInterrupt();
        }
        SpringApplication application = new SpringApplication(PartnerDeskApplication.class);
        // DIR-7 "import-crm" runs against the database and exits: no web server to start, or to clash with a running desk
        if (args.length > 0 && args[0].equals("import-crm")) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.run(args);
    }

    // issue #12: on Ctrl-C Maven stops the forked desk with SIGTERM (exit 143), which spring-boot:run reports as BUILD FAILURE;
    // it accepts 130, the exit of an interrupt, so SIGTERM exits with that after the same shutdown hooks
    @SuppressWarnings("removal")
    private static void stopAsInterrupt() {
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(130));
    }
}
