package org.partnerdesk.partnerops;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.partnerdesk.ApiClient;
import org.partnerdesk.Desk;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test language for PO-1/PO-2: callers from their own client address, Partner Operations staff, the mails they get. */
final class Onboarding {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([0-9a-f]{64})\"");

    private final Desk desk;
    private final GreenMail mail;
    private final JdbcClient db;
    // password sign-ins of one test come from one address (#10 item 5 throttles per address), apart from other tests'
    private final String signInAddress = randomAddress();

    Onboarding(Desk desk, GreenMail mail, JdbcClient db) {
        this.desk = desk;
        this.mail = mail;
        this.db = db;
    }

    /** Someone not signed in, from an address of its own, so rate-limit windows of other tests do not meet. */
    ApiClient visitor() {
        return fromAddress(randomAddress());
    }

    ApiClient fromAddress(String address) {
        return desk.anonymous().withHeader("X-Forwarded-For", address);
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static String newEmail(String who) {
        return Desk.unique(who).toLowerCase() + "@applicants.test";
    }

    Desk.Account partnerOperations() {
        Desk.Account agent = desk.agent();
        desk.addToGroup(agent, "Partner Operations");
        return agent;
    }

    /** The body of the first mail to {@code email} whose subject contains {@code subjectPart}, waiting up to 15 s. */
    String awaitMail(String email, String subjectPart) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            try {
                for (MimeMessage message : mail.getReceivedMessages()) {
                    if (message.getSubject().contains(subjectPart) && Arrays.stream(message.getAllRecipients())
                            .anyMatch(r -> r.toString().equalsIgnoreCase(email))) {
                        return String.valueOf(message.getContent());
                    }
                }
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail to " + email + " about " + subjectPart);
    }

    /**
     * The token of an invitation mailed to {@code email} that works now. Delivery is at least once and each attempt
     * mints a new token, so a duplicate mail (an outbox retry racing a slow send) replaces the earlier link.
     */
    String awaitInvitationToken(String email) {
        return awaitUsableToken(email, "sign-in invitation", "sign_in_invitations", "and revoked_at is null");
    }

    /** #10 items 1, 2: the token of the e-mail confirmation mailed to {@code email} that works now. */
    String awaitConfirmationToken(String email) {
        return awaitUsableToken(email, "confirm your e-mail address", "email_confirmations", "");
    }

    /** The owner of {@code email} confirms, from the mail, the request made in its name without a sign-in. */
    ApiClient.Reply confirm(String email) {
        return visitor().post("/api/v2/email_confirmations/confirm", """
                {"email_confirmation":{"token":"%s"}}""".formatted(awaitConfirmationToken(email)));
    }

    private String awaitUsableToken(String email, String subjectPart, String table, String usable) {
        awaitMail(email, subjectPart);
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            try {
                MimeMessage[] messages = mail.getReceivedMessages();
                for (int i = messages.length - 1; i >= 0; i--) {
                    MimeMessage message = messages[i];
                    if (message.getSubject().contains(subjectPart) && Arrays.stream(message.getAllRecipients())
                            .anyMatch(r -> r.toString().equalsIgnoreCase(email))) {
                        String token = tokenIn(String.valueOf(message.getContent()));
                        if (isUsable(token, table, usable)) {
                            return token;
                        }
                    }
                }
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no usable token mailed to " + email + " about " + subjectPart);
    }

    boolean isUsable(String token) {
        return isUsable(token, "sign_in_invitations", "and revoked_at is null");
    }

    private boolean isUsable(String token, String table, String usable) {
        return db.sql("select count(*) from " + table + " where token_hash = sha256(convert_to(?, 'UTF8')) and used_at is null "
                + usable).param(token).query(Integer.class).single() == 1;
    }

    static String tokenIn(String mailBody) {
        Matcher matcher = TOKEN.matcher(mailBody);
        if (!matcher.find()) {
            throw new AssertionError("no token in " + mailBody);
        }
        return matcher.group(1);
    }

    ApiClient.Reply accept(String token, String password) {
        return visitor().post("/api/v2/sign_in_invitations/accept", """
                {"sign_in_invitation":{"token":"%s","password":"%s"}}""".formatted(token, password));
    }

    /** Zendesk-style password sign-in: {@code Basic base64(email:password)}. */
    ApiClient signedIn(String email, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString((email + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return fromAddress(signInAddress).withAuthorization("Basic " + basic);
    }
}
