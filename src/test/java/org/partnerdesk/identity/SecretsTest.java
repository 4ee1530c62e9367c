package org.partnerdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.directory.Users;
import org.partnerdesk.identity.persistence.StoredApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.transaction.support.TransactionOperations;

/** #10 (docs/security.md "Secrets from the environment"): a secret given in the environment works and is never printed. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest extends ApiTest {

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Environment environment;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    StoredApiTokens storedTokens;

    @Test
    void anAdminTokenFromTheEnvironmentWorksAndIsNotPrinted(CapturedOutput output) {
        String email = Desk.unique("ops").toLowerCase() + "@partnerdesk.test";
        String secret = "env-secret-" + Desk.unique("token");

        new StartupAdmin(users, tokens, environment, transactions, email, secret).ensureAdmin();

        assertThat(ApiClient.withBearer(baseUrl(), secret).get("/api/v2/users/me").at("/user/email").stringValue()).isEqualTo(email);
        assertThat(output.getAll()).contains("(as set in PARTNERDESK_ADMIN_TOKEN)").doesNotContain(secret);
    }

    @Test
    void twoNodesStartingTogetherOnOneDatabaseMakeOneAdminWhoseTokenWorks() throws Exception {
        String email = Desk.unique("ops").toLowerCase() + "@partnerdesk.test";
        String secret = "env-secret-" + Desk.unique("token");
        CyclicBarrier together = new CyclicBarrier(2);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<?>> starts = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                starts.add(nodes.submit(() -> {
                    together.await();
                    new StartupAdmin(users, tokens, environment, transactions, email, secret).ensureAdmin();
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get(); // issue #18: neither start fails on the other's admin
            }
        }

        assertThat(ApiClient.withBearer(baseUrl(), secret).get("/api/v2/users/me").at("/user/email").stringValue()).isEqualTo(email);
        assertThat(storedTokens.ofUser(users.findByEmail(email).orElseThrow().id())).hasSize(1);
    }

    @Test
    void aNodeRestartingWithTheSameAdminTokenLeavesTheTokenTheOtherNodesAccept() {
        String email = Desk.unique("ops").toLowerCase() + "@partnerdesk.test";
        String secret = "env-secret-" + Desk.unique("token");
        new StartupAdmin(users, tokens, environment, transactions, email, secret).ensureAdmin();
        long adminId = users.findByEmail(email).orElseThrow().id();
        long tokenId = storedTokens.ofUser(adminId).getFirst().id();

        new StartupAdmin(users, tokens, environment, transactions, email, secret).ensureAdmin();

        // issue #18: the same row, never revoked and stored again, so no request with it is refused meanwhile
        assertThat(storedTokens.ofUser(adminId)).extracting(ApiTokens.TokenInfo::id).containsExactly(tokenId);
    }

    @Test
    void noGeneratedPasswordIsPrintedForAnInMemoryUser(@Autowired ApplicationContext context) {
        // Boot's in-memory user is what prints "Using generated security password" (FirstVisitTest checks the same from the outside)
        assertThat(context.getBeanNamesForType(InMemoryUserDetailsManager.class)).isEmpty();
    }
}
