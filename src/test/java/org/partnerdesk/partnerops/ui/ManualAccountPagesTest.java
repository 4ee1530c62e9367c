package org.partnerdesk.partnerops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.PageSession;
import org.partnerdesk.identity.Passwords;
import org.partnerdesk.partnerops.NfrDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * UI-1 / PO-1 over HTTP: Partner Operations create a partner account by hand only with a recorded reason; the form keeps
 * what was typed and says what is missing next to the field; anyone the facade refuses is refused the page and its post.
 */
class ManualAccountPagesTest extends ApiTest {

    private static final String NEW = "/ops/applications/new";

    @Autowired
    Passwords passwords;

    @Autowired
    JdbcClient jdbc;

    NfrDesk nfr;

    @BeforeEach
    void arrange() {
        nfr = new NfrDesk(desk, MAIL);
    }

    @Test // PO-1
    void partnerOperationsCreateAnAccountByHandAndItsApplicationShowsTheReasonAndTheOrganization() {
        PageSession partnerOps = session(nfr.member("Partner Operations"));
        String company = Desk.unique("Paper Signed");
        String email = Desk.unique("pia").toLowerCase() + "@paper-signed.test";

        var list = partnerOps.get("/ops/applications");
        var form = partnerOps.get(NEW);
        var created = partnerOps.post(NEW, form(company, email, "Agreement signed on paper at the partner summit"));

        assertThat(list.body()).contains("href=\"/ops/applications/new\"", "Create a partner account by hand");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"manual_reason\">Reason</label>");
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/ops/applications/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonNode application = desk.admin.get("/api/v2/partner_applications/" + id).at("/partner_application");
        assertThat(application.get("channel").stringValue()).isEqualTo("manual");
        assertThat(application.get("manual_reason").stringValue()).isEqualTo("Agreement signed on paper at the partner summit");
        assertThat(application.get("status").stringValue()).isEqualTo("approved");
        long organization = application.get("organization_id").longValue();
        String shown = partnerOps.get(location.substring(location.indexOf("/ops/"))).body();
        assertThat(shown).contains("Partner organization " + company + " (#" + organization + ") created by hand",
                "made by hand by Partner Operations", "Agreement signed on paper at the partner summit", company + " (#" + organization + ")");
        assertThat(partnerOps.get("/ops/applications?status=approved&page%5Bafter%5D=" + cursorBefore(id)).body())
                .contains("Account made by hand: Agreement signed on paper at the partner summit");
    }

    @Test // PO-1
    void aMissingReasonIsShownNextToTheReasonWithWhatWasTypedKeptAndNothingIsCreated() {
        PageSession partnerOps = session(nfr.member("Partner Operations"));
        String company = Desk.unique("Reasonless Hand");

        partnerOps.get(NEW);
        var refused = partnerOps.post(NEW, form(company, Desk.unique("rex").toLowerCase() + "@reasonless.test", "   "));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"manual_reason-error\"", "Write the reason for creating this account by hand",
                "aria-describedby=\"manual_reason-error manual_reason-hint\"", "value=\"" + company + "\"")
                .doesNotContain("id=\"company-error\"");
        assertThat(applicationsFor(company)).isZero();
    }

    @Test // PO-1
    void everyMissingFieldIsShownAtOnceWithTheReason() {
        PageSession partnerOps = session(nfr.member("Partner Operations"));
        partnerOps.get(NEW);

        var refused = partnerOps.post(NEW, "company=&contact_name=&contact_email=not-an-address&manual_reason=");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"company-error\"", "id=\"contact_name-error\"", "id=\"contact_email-error\"",
                "id=\"authorized_signatory-error\"", "id=\"agreement-error\"", "id=\"manual_reason-error\"", "value=\"not-an-address\"");
    }

    @Test // PO-1: the page refuses whom SignUps.createManually refuses, before reading the form
    void agentsOutsidePartnerOperationsAreRefusedTheFormAndItsPost() {
        for (Account refusedOne : List.of(desk.agent(), nfr.member("Licensing"), desk.anAdmin())) {
            PageSession session = session(refusedOne);
            String company = Desk.unique("Not By You");

            var list = session.get("/ops/applications");
            var form = session.get(NEW);
            var posted = session.post(NEW, form(company, Desk.unique("nia").toLowerCase() + "@not-by-you.test", "Because I can"));

            assertThat(list.body()).doesNotContain("Create a partner account by hand");
            assertThat(form.statusCode()).isEqualTo(403);
            assertThat(form.body()).contains("Not allowed", "Only members of Partner Operations");
            assertThat(posted.statusCode()).isEqualTo(403);
            assertThat(posted.body()).contains("Not allowed");
            assertThat(applicationsFor(company)).isZero();
        }
    }

    // the list is oldest first and shared with other tests: start it just before this application (API-1 cursor)
    private static String cursorBefore(long id) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + (id - 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private long applicationsFor(String company) {
        return jdbc.sql("select count(*) from partner_applications where company = ?").param(company).query(Long.class).single();
    }

    private static String form(String company, String email, String reason) {
        return "company=" + PageSession.encode(company) + "&parent_company=&contact_name=" + PageSession.encode("Pia Paper")
                + "&contact_email=" + PageSession.encode(email) + "&authorized_signatory=yes&agreement=questions"
                + "&questions=" + PageSession.encode("Redline of clause 4 agreed") + "&manual_reason=" + PageSession.encode(reason);
    }

    private PageSession session(Account account) {
        return PageSession.signedIn(baseUrl(), passwords, account);
    }
}
