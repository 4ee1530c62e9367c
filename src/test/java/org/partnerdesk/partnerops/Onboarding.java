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

/** Test language for PO-1/PO-2: callers from their own client address, Partner Operations staff, the mails they get. */
final class Onboarding {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([0-9a-f]{64})\"");

    private final Desk desk;
    private final GreenMail mail;

    Onboarding(Desk desk, GreenMail mail) {
        this.desk = desk;
        this.mail = mail;
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

    long mailsTo(String email) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    static String tokenIn(String mailBody) {
        Matcher matcher = TOKEN.matcher(mailBody);
        if (!matcher.find()) {
            throw new AssertionError("no invitation token in " + mailBody);
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
        return desk.anonymous().withAuthorization("Basic " + basic);
    }
}
