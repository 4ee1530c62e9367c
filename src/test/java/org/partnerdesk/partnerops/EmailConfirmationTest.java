package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * #10 items 1, 2 (docs/security.md "Requests without a sign-in"): a request made without a sign-in creates nothing in an
 * existing account's name and changes no account until the owner of the e-mail address confirms it from the mail.
 */
class EmailConfirmationTest extends ApiTest {

    @Autowired
    JdbcClient db;

    private Onboarding onboarding;

    @BeforeEach
    void arrange() {
        onboarding = new Onboarding(desk, MAIL, db);
    }

    private Reply signUp(String company, String email, boolean signatory, String agreement) {
        return onboarding.visitor().post("/api/v2/partner_applications", """
                {"partner_application":{"company":"%s","contact_name":"Someone Else","contact_email":"%s",
                 "authorized_signatory":%s,"agreement":"%s","questions":"text a stranger wrote"}}"""
                .formatted(company, email, signatory, agreement));
    }

    @Test
    void aStrangerCannotOpenATicketInTheNameOfAnExistingUser() {
        Account customerContact = desk.endUserIn(desk.aCustomer());
        long adminId = desk.admin.get("/api/v2/users/me").at("/user/id").longValue();

        for (var victim : new long[] {customerContact.id(), adminId}) {
            String email = desk.admin.get("/api/v2/users/" + victim).at("/user/email").stringValue();
            int ticketsBefore = ticketsInTheNameOf(victim);

            Reply reply = signUp(Desk.unique("Stranger Co"), email, false, "questions");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.at("/partner_application/status").stringValue()).isEqualTo("unconfirmed");
            assertThat(ticketsInTheNameOf(victim)).as("no ticket with " + email + " as requester or submitter").isEqualTo(ticketsBefore);
            JsonNode stored = desk.admin.get("/api/v2/partner_applications/" + reply.id("partner_application")).at("/partner_application");
            assertThat(stored.get("contact_email").stringValue()).isEqualTo(email);
            assertThat(stored.get("user_id").isNull()).isTrue();
            assertThat(stored.get("ticket_id").isNull()).isTrue();
            assertThat(onboarding.awaitMail(email, "confirm your e-mail address")).contains("Stranger Co", "ignore this mail");
        }
    }

    @Test
    void aStrangerCannotMoveAnExistingUserIntoAPartner() {
        Account loner = desk.stranger(); // an end user in no organization, who could join one
        String company = Desk.unique("Takeover Partners");

        Reply reply = signUp(company, loner.email(), true, "accept");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.at("/partner_application/status").stringValue()).isEqualTo("unconfirmed");
        assertThat(desk.admin.get("/api/v2/users/" + loner.id()).at("/user/organization_id").isNull())
                .as("the user stays where they were").isTrue();
        assertThat(desk.admin.get("/api/v2/partner_applications/" + reply.id("partner_application"))
                .at("/partner_application/organization_id").isNull()).isTrue();
        assertThat(db.sql("select count(*) from organizations where name = ?").param(company).query(Integer.class).single()).isZero();
        assertThat(db.sql("select count(*) from sign_in_invitations where user_id = ?").param(loner.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void theOwnerWhoConfirmsLetsTheSignUpGoOnAndTheTokenWorksOnce() {
        Account loner = desk.stranger();
        String company = Desk.unique("Own Choice");
        long id = signUp(company, loner.email(), true, "accept").id("partner_application");
        String token = onboarding.awaitConfirmationToken(loner.email());

        Reply confirmed = confirm(token);

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/email_confirmation/partner_application_id").longValue()).isEqualTo(id);
        assertThat(confirmed.at("/email_confirmation/status").stringValue()).isEqualTo("approved");
        long organizationId = desk.admin.get("/api/v2/partner_applications/" + id).at("/partner_application/organization_id").longValue();
        assertThat(desk.admin.get("/api/v2/users/" + loner.id()).at("/user/organization_id").longValue()).isEqualTo(organizationId);
        Reply again = confirm(token);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.at("/details/token/0/description").stringValue()).contains("used already");
        assertThat(confirm("0".repeat(64)).at("/details/token/0/description").stringValue())
                .isEqualTo(again.at("/details/token/0/description").stringValue());
    }

    @Test
    void anExpiredConfirmationLetsNothingGoOn() {
        String email = Onboarding.newEmail("late");
        long id = signUp(Desk.unique("Late Co"), email, true, "accept").id("partner_application");
        String token = onboarding.awaitConfirmationToken(email);
        db.sql("update email_confirmations set expires_at = now() - interval '1 minute' where token_hash = sha256(convert_to(?, 'UTF8'))")
                .param(token).update();

        Reply expired = confirm(token);

        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.at("/details/token/0/error").stringValue()).isEqualTo("expired");
        assertThat(desk.admin.get("/api/v2/partner_applications/" + id).at("/partner_application/status").stringValue())
                .isEqualTo("unconfirmed");
    }

    @Test
    void aContactSignedInWithTheirOwnAddressNeedsNoMailToConfirm() {
        Account loner = desk.stranger();

        Reply reply = loner.api().post("/api/v2/partner_applications", """
                {"partner_application":{"company":"%s","contact_name":"Me","contact_email":"%s",
                 "authorized_signatory":true,"agreement":"accept"}}""".formatted(Desk.unique("Myself"), loner.email().toUpperCase()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.at("/partner_application/status").stringValue()).isEqualTo("approved");
        JsonNode audits = desk.admin.get("/api/v2/partner_applications/" + reply.id("partner_application") + "/audits").json().get("audits");
        assertThat(audits.size()).as(audits.toString()).isEqualTo(1);
        assertThat(audits.get(0).at("/events/0/reason").stringValue()).contains("signed in with the contact's e-mail address");
    }

    @Test
    void aStrangersPortalAccessRequestCannotBeApprovedBeforeTheOwnerConfirmsIt() {
        Org partner = desk.aPartner("open");
        Account loner = desk.stranger();
        Reply asked = onboarding.visitor().post("/api/v2/portal_access_requests", """
                {"portal_access_request":{"organization_id":%d,"name":"Not Me","email":"%s"}}""".formatted(partner.id(), loner.email()));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.at("/portal_access_request/status").stringValue()).isEqualTo("unconfirmed");

        ApiClient partnerOps = onboarding.partnerOperations().api();
        Reply approved = partnerOps.post("/api/v2/portal_access_requests/" + asked.id("portal_access_request") + "/approve", "");

        assertThat(approved.status()).as(approved.toString()).isEqualTo(422);
        assertThat(approved.at("/description").stringValue()).contains("unconfirmed");
        assertThat(desk.admin.get("/api/v2/users/" + loner.id()).at("/user/organization_id").isNull()).isTrue();
        assertThat(onboarding.awaitMail(loner.email(), "confirm your e-mail address")).contains(partner.name(), "ignore this mail");
        assertThat(onboarding.confirm(loner.email()).at("/email_confirmation/status").stringValue()).isEqualTo("pending");
        assertThat(partnerOps.post("/api/v2/portal_access_requests/" + asked.id("portal_access_request") + "/approve", "").status())
                .isEqualTo(200);
    }

    @Test
    void aSignedInPartnerUserCannotHaveSomeoneElsesAccountMovedWithoutTheirConfirmation() {
        Org partner = desk.aPartner("open");
        Account loner = desk.stranger();
        Reply asked = desk.endUserIn(partner).api().post("/api/v2/portal_access_requests", """
                {"portal_access_request":{"organization_id":%d,"name":"Not Me","email":"%s"}}""".formatted(partner.id(), loner.email()));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);

        Reply approved = onboarding.partnerOperations().api()
                .post("/api/v2/portal_access_requests/" + asked.id("portal_access_request") + "/approve", "");

        assertThat(approved.status()).as(approved.toString()).isEqualTo(422);
        assertThat(desk.admin.get("/api/v2/users/" + loner.id()).at("/user/organization_id").isNull()).isTrue();
    }

    private Reply confirm(String token) {
        return onboarding.visitor().post("/api/v2/email_confirmations/confirm", """
                {"email_confirmation":{"token":"%s"}}""".formatted(token));
    }

    private int ticketsInTheNameOf(long userId) {
        return db.sql("select count(*) from tickets where requester_id = ? or submitter_id = ?").params(userId, userId)
                .query(Integer.class).single();
    }
}
