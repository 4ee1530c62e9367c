package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.partnerops.PageVisitor.encode;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** #15 over plain HTTP: who may open the partner pages, the public forms' throttle, CSRF and validation (PO-1..PO-3). */
class PortalPagesHttpTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final List<String> PARTNER_PAGES = List.of("/portal/nfr", "/portal/certifications", "/portal/users");

    @Autowired
    Passwords passwords;

    @Autowired
    JdbcClient db;

    @Test
    void aCustomerAndAnAgentAreRefusedThePartnerPagesAPartnerOpensThem() throws Exception {
        Desk.Account customer = desk.endUserIn(desk.aCustomer());
        Desk.Account agent = desk.agent();
        Desk.Account partnerUser = desk.endUserIn(desk.aPartner("open"));

        for (Desk.Account refused : List.of(customer, agent)) {
            PageVisitor visitor = signedIn(refused);
            for (String page : PARTNER_PAGES) {
                var response = visitor.get(page);
                assertThat(response.statusCode()).as(refused.email() + " " + page).isEqualTo(403);
                assertThat(response.body()).contains("for users of a partner organization");
            }
            assertThat(visitor.post("/portal/nfr", "users=5&deployment=saas").statusCode()).isEqualTo(403);
        }
        assertThat(count("nfr_requests", "submitter_id", customer.id())).isZero();
        PageVisitor partner = signedIn(partnerUser);
        for (String page : PARTNER_PAGES) {
            assertThat(partner.get(page).statusCode()).as(page).isEqualTo(200);
        }
    }

    @Test
    void partnerUsersSeeTheirColleaguesAndTheApiListsThemToo() throws Exception {
        Desk.Org partner = desk.aPartner("select");
        Desk.Account sam = desk.endUserIn(partner);
        Desk.Account colleague = desk.endUserIn(partner);
        Desk.Account outsider = desk.endUserIn(desk.aPartner("select"));

        String body = signedIn(sam).get("/portal/users").body();

        assertThat(body).contains(colleague.email(), sam.email()).doesNotContain(outsider.email());
        Reply listed = sam.api().get("/api/v2/organizations/" + partner.id() + "/users");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("users").findValuesAsString("email")).contains(colleague.email());
        assertThat(outsider.api().get("/api/v2/organizations/" + partner.id() + "/users").status()).isEqualTo(403);
    }

    @Test
    void theSignUpPageIsThrottledByTheApisCountersAndAnswers429WithRetryAfter() throws Exception {
        String address = Onboarding.randomAddress();
        PageVisitor visitor = new PageVisitor(baseUrl(), address);
        visitor.get("/portal/sign-up");
        String email = Onboarding.newEmail("throttled");
        // incomplete applications count too, as they do on the API; the limit per e-mail address is 5 an hour
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.post("/portal/sign-up", "company=Throttled&contact_name=T&contact_email=" + encode(email)).statusCode())
                    .isEqualTo(422);
        }
        var limited = visitor.post("/portal/sign-up", "company=Throttled&contact_name=T&contact_email=" + encode(email));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After").orElseThrow()).matches("\\d+");
        assertThat(limited.body()).contains("Too many requests from this e-mail address").contains("value=\"Throttled\"");
        Reply api = new Onboarding(desk, MAIL, db).fromAddress(address).post("/api/v2/partner_applications", """
                {"partner_application":{"company":"Throttled","contact_name":"T","contact_email":"%s","authorized_signatory":true,
                "agreement":"accept"}}""".formatted(email));
        assertThat(api.status()).as("the API counts the page's attempts").isEqualTo(429);
    }

    @Test
    void theAccessPageIsThrottledPerClientAddressAsTheApiIs() throws Exception {
        PageVisitor visitor = new PageVisitor(baseUrl(), Onboarding.randomAddress());
        visitor.get("/portal/access");
        int answered = 0;
        int status = 0;
        while (answered < 30 && status != 429) { // 20 an hour from one address (PARTNERDESK_SIGNUP_LIMIT_PER_CLIENT)
            status = visitor.post("/portal/access", "company=Nobody&name=N&email=" + encode(Onboarding.newEmail("many"))).statusCode();
            answered++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(answered).isEqualTo(21);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndStoresNothing() throws Exception {
        PageVisitor visitor = new PageVisitor(baseUrl(), Onboarding.randomAddress());
        visitor.get("/portal/sign-up");
        String email = Onboarding.newEmail("forged");

        var response = visitor.postWithoutCsrf("/portal/sign-up", "company=" + encode(Desk.unique("Forged")) + "&contact_name=F&contact_email="
                + encode(email) + "&authorized_signatory=yes&agreement=accept");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count("partner_applications", "contact_email", email)).isZero();
        assertThat(visitor.postWithoutCsrf("/portal/access", "company=X&name=F&email=" + encode(email)).statusCode()).isEqualTo(403);
    }

    @Test
    void anInvalidSignUpKeepsTheInputAndNamesTheProblemNextToEachField() throws Exception {
        PageVisitor visitor = new PageVisitor(baseUrl(), Onboarding.randomAddress());
        visitor.get("/portal/sign-up");

        var response = visitor.post("/portal/sign-up", "company=Keep+Me+Ltd&contact_name=&contact_email=not-an-address&questions=Clause+7%3F");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("value=\"Keep Me Ltd\"", "value=\"not-an-address\"", ">Clause 7?</textarea>")
                .contains("Your name cannot be blank", "Your e-mail not-an-address is not an e-mail address")
                .contains("Say whether you may sign the partner agreement", "Choose whether you accept the partner agreement")
                .contains("aria-describedby=\"contact_email-error\"");
        assertThat(count("partner_applications", "company", "Keep Me Ltd")).isZero();
    }

    @Test
    void anUnknownCompanyOnTheAccessPageIsAnErrorNextToCompany() throws Exception {
        PageVisitor visitor = new PageVisitor(baseUrl(), Onboarding.randomAddress());
        visitor.get("/portal/access");
        Desk.Org customer = desk.aCustomer();

        var response = visitor.post("/portal/access", "company=" + encode(customer.name()) + "&name=Rita&email=" + encode(Onboarding.newEmail("rita")));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("We know no partner company by that name", "aria-describedby=\"company-error company-hint\"",
                "value=\"Rita\"");
    }

    private PageVisitor signedIn(Desk.Account account) throws Exception {
        passwords.set(account.id(), PASSWORD);
        return new PageVisitor(baseUrl(), Onboarding.randomAddress()).signIn(account.email(), PASSWORD);
    }

    private int count(String table, String column, Object value) {
        return db.sql("select count(*) from " + table + " where " + column + " = ?").param(value).query(Integer.class).single();
    }
}
