package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/** Arranges partner operations through the API: staff in their teams, partner compliance, the certification register. */
public final class NfrDesk {

    private final Desk desk;
    private final GreenMail mail;

    public NfrDesk(Desk desk, GreenMail mail) {
        this.desk = desk;
        this.mail = mail;
    }

    /** An agent in one of the built-in teams (DIR-8). */
    public Account member(String group) {
        Account account = desk.agent();
        desk.addToGroup(account, group);
        return account;
    }

    /** A channel manager whose manager (manager_id) is the given Channel Director. */
    public Account channelManagerOf(Account director) {
        Account manager = member("Channel Managers");
        Reply put = desk.admin.put("/api/v2/users/" + manager.id(), """
                {"user":{"manager_id":%d}}""".formatted(director.id()));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        return manager;
    }

    public void compliant(Org partner, boolean compliant) {
        Reply put = desk.admin.put("/api/v2/organizations/" + partner.id(), """
                {"organization":{"organization_fields":{"track_compliant":%s}}}""".formatted(compliant));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    public Reply certify(Account partnerOps, Org partner, Account person, String kind) {
        return partnerOps.api().post("/api/v2/certifications", """
                {"certification":{"organization_id":%d,"user_id":%d,"kind":"%s","passed_on":"%s"}}"""
                .formatted(partner.id(), person.id(), kind, LocalDate.now().minusMonths(2)));
    }

    /** An Open or Select partner with one user holding a Solution Architect certification: eligible for NFR users. */
    public Account eligiblePartnerUser(Org partner) {
        Account user = desk.endUserIn(partner);
        Reply certified = certify(member("Partner Operations"), partner, user, "solution_architect");
        assertThat(certified.status()).as(certified.toString()).isEqualTo(201);
        return user;
    }

    public Reply ask(Account partnerUser, int users) {
        return partnerUser.api().post("/api/v2/nfr_requests", """
                {"nfr_request":{"plan":"ultimate","users":%d,"deployment":"self_managed"}}""".formatted(users));
    }

    /** The body of the first message to {@code email} whose subject contains {@code subjectPart}, waiting for the outbox. */
    public String mailTo(String email, String subjectPart) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                try {
                    if (message.getSubject().contains(subjectPart)
                            && Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(email))) {
                        return String.valueOf(message.getContent());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            sleep();
        }
        throw new AssertionError("no mail to " + email + " about " + subjectPart);
    }

    long mailsTo(String email, String subjectPart) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().contains(subjectPart)
                        && Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(email));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
