package org.partnerdesk.identity;

import java.nio.file.Path;

import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * SPEC 7 start-up: {@code PARTNERDESK_ADMIN_EMAIL} and {@code PARTNERDESK_ADMIN_TOKEN} make sure that admin
 * exists and accepts that token. Without a token one is generated and printed, so a new user can start at once.
 */
@Component
class StartupAdmin {

    static final String DESCRIPTION = "start-up token";
    private static final Logger log = LoggerFactory.getLogger(StartupAdmin.class);

    private final Users users;
    private final ApiTokens tokens;
    private final Environment environment;
    private final TransactionOperations transactions;
    private final String email;
    private final String token;

    StartupAdmin(Users users, ApiTokens tokens, Environment environment, TransactionOperations transactions,
                 @Value("${partnerdesk.admin.email:admin@partnerdesk.test}") String email,
                 @Value("${partnerdesk.admin.token:}") String token) {
        this.users = users;
        this.tokens = tokens;
        this.environment = environment;
        this.transactions = transactions;
        this.email = email.strip();
        this.token = token.strip();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void ensureAdmin() {
        if (email.isEmpty()) {
            return;
        }
        String secret = token.isEmpty() ? ApiTokens.newToken() : token;
        // issue #18: one transaction under one lock, so two nodes starting on an empty database make one admin
        transactions.executeWithoutResult(status -> {
            tokens.lockStartupAdmin();
            User admin = users.ensureAdmin(email, "Desk Admin");
            tokens.ensureStartupToken(admin.id(), secret, DESCRIPTION);
        });
        String url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        log.info("""

                ==============================================================
                 PartnerDesk is running at {}
                 Admin e-mail: {}
                 API token:    {}
                 Try: curl -u '{}/token:{}' {}/api/v2/users/me
                 Mail:         {}
                ==============================================================""",
                url, email, token.isEmpty() ? secret : "(as set in PARTNERDESK_ADMIN_TOKEN)",
                email, token.isEmpty() ? secret : "$PARTNERDESK_ADMIN_TOKEN", url, mail());
    }

    // issue #12: without a mail server, say where the invitations and password links went
    private String mail() {
        String host = environment.getProperty("partnerdesk.smtp.host", "");
        if (!host.isBlank()) {
            return "sent through " + host + ":" + environment.getProperty("partnerdesk.smtp.port", "587");
        }
        Path folder = Path.of(environment.getProperty("partnerdesk.data-dir", "./var"), "mail").toAbsolutePath().normalize();
        return "kept in " + folder + " (no PARTNERDESK_SMTP_HOST); admins list it at GET /api/v2/outgoing_mails";
    }
}
