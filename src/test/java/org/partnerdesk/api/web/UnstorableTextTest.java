package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.mailbox.PartnerMailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * #10 item 6: PostgreSQL cannot store a NUL character (U+0000). Wherever text enters (a JSON body, the Basic header, a
 * CSV import, the partner mailbox) it is refused or cleaned there, in the API's error shape, and nothing is written.
 */
class UnstorableTextTest extends ApiTest {

    private static final String NUL = "\\u0000"; // as a JSON escape

    @Autowired
    JdbcClient db;

    @Autowired
    PartnerMailbox mailbox;

    @Test
    void aNulInAnyTextOfATicketIsRefusedWithTheFieldNamedAndNothingIsStored() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        long tickets = count("tickets");

        Reply inSubject = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Broken%s","comment":{"body":"b"},"ticket_form_id":%d}}""".formatted(NUL, Desk.SUPPORT_FORM));
        Reply inBody = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"line%s"},"tags":["ok","t%s"],"ticket_form_id":%d}}"""
                .formatted(NUL, NUL, Desk.SUPPORT_FORM));
        Reply inCc = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"email_ccs":[{"user_email":"cc%s@acme.test"}],"ticket_form_id":%d}}"""
                .formatted(NUL, Desk.SUPPORT_FORM));

        assertRefused(inSubject, "subject");
        assertRefused(inBody, "comment.body");
        assertThat(inBody.at("/details/tags[1]/0/error").stringValue()).isEqualTo("invalid_character");
        assertRefused(inCc, "email_ccs[0].user_email");
        assertThat(count("tickets")).isEqualTo(tickets);

        long ticket = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"fine","comment":{"body":"b"},"ticket_form_id":%d}}""".formatted(Desk.SUPPORT_FORM)).id("ticket");
        long comments = count("ticket_comments");
        Reply comment = ann.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"comment":{"body":"more%s"}}}""".formatted(NUL));
        assertRefused(comment, "comment.body");
        assertThat(count("ticket_comments")).isEqualTo(comments);
    }

    @Test
    void aNulInAnOrganizationNameOrAUserEmailIsRefused() {
        long organizations = count("organizations");
        long users = count("users");

        Reply organization = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"Ac%sme","organization_fields":{"org_type":"customer"}}}""".formatted(NUL));
        Reply user = desk.admin.post("/api/v2/users", """
                {"user":{"name":"Ann","email":"ann%s@acme.test","role":"end-user"}}""".formatted(NUL));

        assertRefused(organization, "name");
        assertRefused(user, "email");
        assertThat(count("organizations")).isEqualTo(organizations);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void aNulInTheContactEmailOfAnAnonymousSignUpIsRefused() {
        long applications = count("partner_applications");

        Reply signUp = desk.anonymous().withHeader("X-Forwarded-For", "198.51.100.77").post("/api/v2/partner_applications", """
                {"partner_application":{"company":"%s","contact_name":"Sam","contact_email":"sam%s@resell.test",
                 "authorized_signatory":true,"agreement":"accept"}}""".formatted(Desk.unique("ResellCo"), NUL));

        assertRefused(signUp, "contact_email");
        assertThat(count("partner_applications")).isEqualTo(applications);
    }

    @Test
    void aNulInTheEmailOfABasicAuthorizationHeaderIsAWrongCredential() {
        for (String credentials : new String[] {"ann\u0000@acme.test:secret", "admin@partnerdesk.test\u0000/token:" + ADMIN_TOKEN}) {
            String header = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

            Reply reply = desk.anonymous().withAuthorization(header).get("/api/v2/users/me");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.at("/error").stringValue()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void aNulInACsvImportRejectsThatRowNamingTheColumnAndTheRestImports() {
        String p = Desk.unique("nul").toLowerCase();
        String csv = "Id,Name,Type,Partner_Track__c,Partner_Status__c\r\n"
                + p + "-A1," + p + " Ac\u0000me,Customer,,\r\n"
                + p + "-A2\u0000," + p + " Other,Customer,,\r\n"
                + p + "-A3," + p + " Fine,Customer,,\r\n";

        Reply imported = desk.admin.post("/api/v2/imports/crm?kind=accounts", csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.at("/import/created").intValue()).isEqualTo(1);
        assertThat(imported.at("/import/rejected/0/row").intValue()).isEqualTo(2);
        assertThat(imported.at("/import/rejected/0/column").stringValue()).isEqualTo("Name");
        assertThat(imported.at("/import/rejected/0/external_id").stringValue()).isEqualTo(p + "-A1");
        assertThat(imported.at("/import/rejected/0/reason").stringValue()).contains("NUL");
        assertThat(imported.at("/import/rejected/1/column").stringValue()).isEqualTo("Id");
        assertThat(imported.at("/import/rejected/1/external_id").isNull()).isTrue();
    }

    @Test
    void aMailWithNulCharactersBecomesATicketWithoutThemAndThePollGoesOn() throws Exception { // PO-6
        Account sam = desk.endUserIn(desk.aPartner("open"));
        String messageId = deliver(sam.email(), "Quote\u0000 please", "Fifty\u0000 seats.");
        String next = deliver(sam.email(), "Second mail", "After the first.");

        mailbox.poll();

        long ticket = ticketOf(messageId);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/subject").stringValue()).isEqualTo("Quote please");
        assertThat(sam.api().get("/api/v2/tickets/" + ticket + "/comments").at("/comments/0/body").stringValue()).isEqualTo("Fifty seats.");
        assertThat(ticketOf(next)).isNotEqualTo(ticket);
    }

    private static void assertRefused(Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.at("/error").stringValue()).isEqualTo("InvalidJson");
        assertThat(reply.json().get("details").get(field)).as(reply.toString()).isNotNull();
        assertThat(reply.json().get("details").get(field).get(0).get("error").stringValue()).isEqualTo("invalid_character");
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long ticketOf(String messageId) {
        return db.sql("select ticket_id from mailbox_messages where message_id = ?").param(messageId).query(Long.class).single();
    }

    private static String deliver(String from, String subject, String body) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, PARTNER_MAILBOX);
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        message.saveChanges();
        MAIL.getUserManager().getUserByEmail(PARTNER_MAILBOX).deliver(message);
        return message.getMessageID();
    }
}
