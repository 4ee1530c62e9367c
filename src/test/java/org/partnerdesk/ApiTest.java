package org.partnerdesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: the whole desk on a random port, over real HTTP, against one embedded
 * PostgreSQL per test JVM. Every test class shares this configuration, so Spring caches one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partnerdesk.embedded.ephemeral=true",
        "partnerdesk.admin.email=" + ApiTest.ADMIN_EMAIL,
        "partnerdesk.admin.token=" + ApiTest.ADMIN_TOKEN,
        "partnerdesk.demo-data=false",
        // the test client on 127.0.0.1 plays the desk's reverse proxy, so tests pick client addresses with X-Forwarded-For
        "partnerdesk.trusted-proxies=127.0.0.1,::1"
})
public abstract class ApiTest {

    public static final String ADMIN_EMAIL = "admin@partnerdesk.test";
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

    /** NTF-1: a real SMTP server, one per test JVM, like the database; its IMAP side serves the partner mailbox (PO-6). */
    protected static final GreenMail MAIL = startMail();

    /** PO-6: the partner support address, read by the desk over GreenMail's IMAP. */
    protected static final String PARTNER_MAILBOX = "partners@partnerdesk.test";
    protected static final String PARTNER_MAILBOX_PASSWORD = "partners-secret";

    @LocalServerPort
    protected int port;

    protected Desk desk;

    @BeforeEach
    void openDesk() {
        desk = new Desk("http://localhost:" + port);
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("partnerdesk.data-dir", () -> TestDataDir.PATH.toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("partnerdesk.smtp.starttls", () -> "false"); // GreenMail speaks plain SMTP
        registry.add("partnerdesk.mailbox.host", () -> "127.0.0.1");
        registry.add("partnerdesk.mailbox.port", () -> MAIL.getImap().getPort());
        registry.add("partnerdesk.mailbox.ssl", () -> "false");
        registry.add("partnerdesk.mailbox.user", () -> PARTNER_MAILBOX);
        registry.add("partnerdesk.mailbox.password", () -> PARTNER_MAILBOX_PASSWORD);
    }

    private static GreenMail startMail() {
        try (var smtp = new java.net.ServerSocket(0); var imap = new java.net.ServerSocket(0)) {
            ServerSetup[] setups = {new ServerSetup(smtp.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imap.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)};
            smtp.close();
            imap.close();
            GreenMail mail = new GreenMail(setups);
            mail.start();
            mail.setUser(PARTNER_MAILBOX, PARTNER_MAILBOX, PARTNER_MAILBOX_PASSWORD);
            return mail;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The first mail to {@code to} whose body contains {@code bodyPart}, waiting up to 15 s for the outbox. */
    protected static MimeMessage awaitMail(String to, String bodyPart) throws Exception {
        return awaitMail(bodyPart, message -> Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(to)));
    }

    /** The first mail, to anyone, whose body contains {@code text}, waiting up to 15 s for the outbox. */
    protected static MimeMessage awaitMail(String text) throws Exception {
        return awaitMail(text, message -> true);
    }

    /** The mails whose body contains {@code text}, each once: GreenMail keeps one copy per recipient. */
    protected static List<MimeMessage> mailsContaining(String text) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (String.valueOf(message.getContent()).contains(text) && seen.add(String.valueOf(message.getMessageID()))) {
                found.add(message);
            }
        }
        return found;
    }

    private static MimeMessage awaitMail(String text, MailFilter to) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : mailsContaining(text)) {
                if (to.test(message)) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail containing " + text);
    }

    private interface MailFilter {
        boolean test(MimeMessage message) throws Exception;
    }
}
