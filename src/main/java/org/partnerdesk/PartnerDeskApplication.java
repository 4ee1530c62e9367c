package org.partnerdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// API-2: tokens and stored passwords are the only sign-ins; Boot's in-memory user (and its "generated security password") is not one
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class PartnerDeskApplication {
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PartnerDeskApplication.class);
        // DIR-7 "import-crm" runs against the database and exits: no web server to start, or to clash with a running desk
        if (args.length > 0 && args[0].equals("import-crm")) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.run(args);
    }
}
