package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #15 "New request" over plain HTTP, as a browser without JavaScript sends it: the forms a person is offered, the
 * preview as a full page and as htmx's fragment, validation next to the fields, and filing with its redirect.
 */
class NewRequestHttpTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    Passwords passwords;

    @Autowired
    JdbcClient db;

    @Test
    void aPartnerIsOfferedItsTrackFormAndItsOwnFormsAndACustomerOnlyCustomerForms() throws Exception {
        String partnerPage = new Visitor().signIn(desk.endUserIn(desk.aPartner("open"))).get("/portal/requests/new").body();
        String customerPage = new Visitor().signIn(desk.endUserIn(desk.aCustomer())).get("/portal/requests/new").body();

        assertThat(options(partnerPage)).containsExactly("Open Partner", "Support (self-managed)", "Licensing &amp; Renewals", "Partner Operations");
        assertThat(options(customerPage)).containsExactly("Support (self-managed)", "SaaS", "SaaS Account", "Licensing &amp; Renewals");
        assertThat(partnerPage).contains("Organization Email (partners)", "Decision preview", "Submit request");
    }

    @Test
    void withoutJavaScriptThePreviewButtonShowsTheDecisionInThePageAndHtmxGetsOnlyTheRegion() throws Exception {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Visitor sam = new Visitor().signIn(desk.endUserIn(desk.aPartner("open")));
        String form = forCustomer(ann.email()) + "&priority=urgent";

        HttpResponse<String> page = sam.post("/portal/requests/preview", form, false);
        HttpResponse<String> fragment = sam.post("/portal/requests/preview", form, true);

        String served = "This request will be served under " + acme.name() + "&#39;s Premium subscription: Priority support, first reply"
                + " within 30 minutes for urgent.";
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>New request</h1>", served);
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains(served).doesNotContain("<h1>", "<form");
    }

    @Test
    void aRequestWithoutSubjectIsRefusedNextToTheFieldAndNothingIsFiled() throws Exception {
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Visitor visitor = new Visitor().signIn(sam);

        HttpResponse<String> refused = visitor.post("/portal/requests/new", "form=" + OPEN_PARTNER_FORM + "&subject=&description=&field-"
                + ORGANIZATION_EMAIL + "=ann%40acme", false);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Give the request a subject.", "aria-invalid=\"true\"", "is not an e-mail address");
        assertThat(db.sql("select count(*) from tickets where submitter_id = ?").param(sam.id()).query(Long.class).single()).isZero();
    }

    @Test
    void submitRequestFilesTheTicketAsTheApiWouldAndOpensItsPage() throws Exception {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));

        HttpResponse<String> filed = new Visitor().signIn(sam).post("/portal/requests/new", forCustomer(ann.email()), false);

        assertThat(filed.statusCode()).isEqualTo(302);
        String location = filed.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/portal/requests/\\d+");
        long id = Long.parseLong(location.replaceAll(".*/", ""));
        var ticket = desk.admin.get("/api/v2/tickets/" + id).json().get("ticket");
        assertThat(ticket.get("requester_id").longValue()).isEqualTo(ann.id());
        assertThat(ticket.get("submitter_id").longValue()).isEqualTo(sam.id());
        assertThat(ticket.get("subject").stringValue()).isEqualTo("Runner crashes");
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/entitlement").at("/entitlement/rule").stringValue()).isEqualTo("ENT-1");
    }

    private static String forCustomer(String email) {
        return "form=" + OPEN_PARTNER_FORM + "&subject=Runner+crashes&description=Every+job+fails&field-" + ORGANIZATION_EMAIL + "="
                + encode(email) + "&field-" + PARTNER_ENGAGEMENT + "=on_behalf_of_customer";
    }

    private static java.util.List<String> options(String page) {
        String select = page.substring(page.indexOf("id=\"request-form\""), page.indexOf("</select>", page.indexOf("id=\"request-form\"")));
        return Pattern.compile(">([^<]+)</option>").matcher(select).results().map(m -> m.group(1).strip()).toList();
    }

    /** A browser without a browser: cookies, no redirects followed, the CSRF token of the last page read. */
    private final class Visitor {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf = "";

        Visitor() throws IOException, InterruptedException {
            readCsrf(get("/sign-in").body());
        }

        Visitor signIn(Desk.Account account) throws IOException, InterruptedException {
            passwords.set(account.id(), PASSWORD);
            var response = post("/sign-in", "email=" + encode(account.email()) + "&password=" + encode(PASSWORD), false);
            assertThat(response.statusCode()).isEqualTo(302);
            readCsrf(get("/portal/requests/new").body());
            return this;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form, boolean htmx) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf)));
            if (htmx) {
                request.header("HX-Request", "true");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private void readCsrf(String html) {
            Matcher matcher = CSRF.matcher(html);
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
