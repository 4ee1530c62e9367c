package org.partnerdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.PageSession;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text is hostile on the pages as in the API: a NUL in a posted form field is a 400 page naming the field and changes
 * nothing (it had reached PostgreSQL and answered 500 on the portal's access request and new request forms).
 */
class FormTextGuardTest extends ApiTest {

    private static final String NUL = "\u0000";

    @Autowired
    Passwords passwords;
    @Autowired
    JdbcClient db;

    @Test
    void aNulInAPublicFormIsA400PageNamingTheFieldAndNothingIsRequested() {
        String email = Desk.unique("nul") + "@nul-access.test";
        PageSession stranger = PageSession.anonymous(baseUrl());
        stranger.get("/portal/access");

        PageSession.Answer answer = stranger.post("/portal/access", "company=" + PageSession.encode("Acme" + NUL + "Corp")
                + "&name=Bo&email=" + PageSession.encode(email));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("The field company holds a NUL character");
        assertThat(db.sql("select count(*) from portal_access_requests where email = ?").param(email).query(Long.class).single()).isZero();
    }

    @Test
    void aNulInANewRequestIsA400PageWhetherPostedAsAFormOrAsMultipartAndNoTicketIsFiled() {
        Desk.Account ann = desk.endUserIn(desk.aCustomer());
        PageSession portal = PageSession.signedIn(baseUrl(), passwords, ann);
        String subject = Desk.unique("Nul subject");
        portal.get("/portal/requests/new");

        PageSession.Answer plain = portal.post("/portal/requests/new", "form=" + Desk.SUPPORT_FORM + "&subject="
                + PageSession.encode(subject + NUL) + "&description=Runners+stopped");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("form", Long.toString(Desk.SUPPORT_FORM));
        fields.put("subject", subject);
        fields.put("description", "Runners" + NUL + " stopped");
        PageSession.Answer multipart = portal.postMultipart("/portal/requests/new", fields);

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("The field subject holds a NUL character");
        assertThat(multipart.statusCode()).isEqualTo(400);
        assertThat(multipart.body()).contains("The field description holds a NUL character");
        assertThat(db.sql("select count(*) from tickets where subject like ?").param(subject + "%").query(Long.class).single()).isZero();
    }

    @Test
    void aFileNameWithANulIsA400AndNoTicketIsFiled() { // Tomcat refuses the name while the CSRF check reads the form
        PageSession portal = PageSession.signedIn(baseUrl(), passwords, desk.endUserIn(desk.aCustomer()));
        String subject = Desk.unique("Nul file name");
        portal.get("/portal/requests/new");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("form", Long.toString(Desk.SUPPORT_FORM));
        fields.put("subject", subject);
        fields.put("description", "The log is attached");

        PageSession.Answer answer = portal.postMultipart("/portal/requests/new", fields, "runner" + NUL + ".log", "it stopped");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("A file's name holds a NUL character");
        assertThat(db.sql("select count(*) from tickets where subject = ?").param(subject).query(Long.class).single()).isZero();
    }

    @Test
    void aReplyPastTheFormSizeInAMultipartFormIsA413AndTheTicketGetsNoComment() { // it had been a 500
        long ticket = aTicket();
        PageSession agent = PageSession.signedIn(baseUrl(), passwords, desk.agent());
        agent.get("/agent/tickets/" + ticket);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "internal");
        fields.put("body", "log line\n".repeat(300_000)); // 2.7 MB, past Tomcat's 2 MB for a form's text

        PageSession.Answer answer = agent.postMultipart("/agent/tickets/" + ticket, fields);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("The form's text is larger than the desk takes in one form (2 MB)");
        assertThat(db.sql("select count(*) from ticket_comments where ticket_id = ?").param(ticket).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNulInAnAgentsReplyIsA400PageAndTheTicketGetsNoComment() {
        long ticket = aTicket();
        PageSession agent = PageSession.signedIn(baseUrl(), passwords, desk.agent());
        agent.get("/agent/tickets/" + ticket);

        PageSession.Answer answer = agent.post("/agent/tickets/" + ticket, "kind=public&body=" + PageSession.encode("Try" + NUL + "this"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("The field body holds a NUL character");
        assertThat(db.sql("select count(*) from ticket_comments where ticket_id = ?").param(ticket).query(Long.class).single()).isEqualTo(1);
    }

    private long aTicket() {
        return desk.endUserIn(desk.aCustomer()).api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"Runners stopped"}}}""".formatted(Desk.unique("Reply guard")))
                .json().at("/ticket/id").asLong();
    }
}
