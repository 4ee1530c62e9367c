package org.partnerdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.directory.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** #10 (docs/security.md "Secrets from the environment"): a secret given in the environment works and is never printed. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest extends ApiTest {

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Environment environment;

    @Test
    void anAdminTokenFromTheEnvironmentWorksAndIsNotPrinted(CapturedOutput output) {
        String email = Desk.unique("ops").toLowerCase() + "@partnerdesk.test";
        String secret = "env-secret-" + Desk.unique("token");

        new StartupAdmin(users, tokens, environment, email, secret).ensureAdmin();

        assertThat(ApiClient.withBearer(baseUrl(), secret).get("/api/v2/users/me").at("/user/email").stringValue()).isEqualTo(email);
        assertThat(output.getAll()).contains("(as set in PARTNERDESK_ADMIN_TOKEN)").doesNotContain(secret);
    }

    @Test
    void noGeneratedPasswordIsPrintedForAnInMemoryUser(@Autowired ApplicationContext context) {
        // Boot's in-memory user is what prints "Using generated security password" (FirstVisitTest checks the same from the outside)
        assertThat(context.getBeanNamesForType(InMemoryUserDetailsManager.class)).isEmpty();
    }
}
