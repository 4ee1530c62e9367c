package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #17: {@code /organizations/{id}/tickets}, {@code /users/{id}/tickets/requested} and {@code /users/{id}/tickets/ccd}
 * page as {@code GET /tickets} does, hold what API-2 lets the caller see of the owner's tickets, and leave deleted tickets out.
 */
class OwnerTicketListsTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Test
    void agentWalksEveryPageOfAnOrganizationsTicketsOldestFirstWithoutTheDeletedOne() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        Account outsider = desk.endUserIn(desk.aCustomer());
        List<Long> acmes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            acmes.add(file(ann.api(), List.of()));
            acmes.add(file(bob.api(), List.of()));
        }
        long outsiders = file(outsider.api(), List.of());
        long deleted = acmes.remove(2);
        db.sql("update tickets set deleted_at = now() where id = ?").param(deleted).update(); // V95

        List<Integer> sizes = new ArrayList<>();
        List<Long> seen = allPages(desk.agent().api(), "/api/v2/organizations/" + acme.id() + "/tickets.json?page[size]=2", sizes);

        assertThat(seen).containsExactlyElementsOf(acmes).doesNotContain(deleted, outsiders);
        assertThat(sizes).containsExactly(2, 2, 1);
    }

    @Test
    void customerSeesItsOrganizationsTicketsOnlyOnceTheOrganizationShares() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        long annsOwn = file(ann.api(), List.of());
        long bobsOwn = file(bob.api(), List.of());
        String list = "/api/v2/organizations/" + acme.id() + "/tickets";

        assertThat(allPages(ann.api(), list)).containsExactly(annsOwn);
        assertThat(allPages(ann.api(), "/api/v2/users/" + bob.id() + "/tickets/requested")).isEmpty();

        sharesTickets(acme);

        assertThat(allPages(ann.api(), list)).containsExactly(annsOwn, bobsOwn);
        assertThat(allPages(ann.api(), "/api/v2/users/" + bob.id() + "/tickets/requested")).containsExactly(bobsOwn);
    }

    @Test
    void partnerListsTheCustomersTicketsItSubmittedAndNoOthers() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Org resellCo = desk.aPartner("open");
        Account sam = desk.endUserIn(resellCo);
        Account pat = desk.endUserIn(resellCo);
        long bySam = onBehalfOf(sam, ann);
        long byPat = onBehalfOf(pat, ann);
        long annsOwn = file(ann.api(), List.of());
        sharesTickets(acme);

        assertThat(allPages(sam.api(), "/api/v2/organizations/" + acme.id() + "/tickets")).containsExactly(bySam);
        assertThat(allPages(sam.api(), "/api/v2/users/" + ann.id() + "/tickets/requested")).containsExactly(bySam);
        assertThat(allPages(desk.agent().api(), "/api/v2/users/" + ann.id() + "/tickets/requested")).containsExactly(bySam, byPat, annsOwn);
    }

    @Test
    void ccdListHoldsTheTicketsAUserIsCopiedOn() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account carl = desk.endUserIn(acme);
        long copyingCarl = file(ann.api(), List.of(carl.email()));
        long notCopying = file(ann.api(), List.of());
        long deleted = file(ann.api(), List.of(carl.email()));
        db.sql("update tickets set deleted_at = now() where id = ?").param(deleted).update();

        assertThat(allPages(carl.api(), "/api/v2/users/" + carl.id() + "/tickets/ccd")).containsExactly(copyingCarl);
        assertThat(allPages(desk.agent().api(), "/api/v2/users/" + carl.id() + "/tickets/ccd")).containsExactly(copyingCarl)
                .doesNotContain(notCopying);
        assertThat(allPages(desk.agent().api(), "/api/v2/users/" + ann.id() + "/tickets/requested")).containsExactly(copyingCarl, notCopying);
    }

    @Test
    void anOwnerAnEndUserKnowsNothingOfAnswersAsOneThatDoesNotExist() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        file(ann.api(), List.of());
        Account outsider = desk.endUserIn(desk.aCustomer());

        Reply theirs = outsider.api().get("/api/v2/organizations/" + acme.id() + "/tickets");
        Reply missing = outsider.api().get("/api/v2/organizations/999999999/tickets");

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().get("tickets")).isEmpty();
        assertThat(theirs.text()).isEqualTo(missing.text().replace("999999999", Long.toString(acme.id())));
        assertThat(outsider.api().get("/api/v2/users/" + ann.id() + "/tickets/requested").json().get("tickets")).isEmpty();
    }

    @Test
    void staffAskingForAnOwnerThatDoesNotExistGetsNotFound() {
        ApiClient agent = desk.agent().api();
        assertThat(agent.get("/api/v2/organizations/999999999/tickets").status()).isEqualTo(404);
        assertThat(agent.get("/api/v2/users/999999999/tickets/requested").status()).isEqualTo(404);
        assertThat(agent.get("/api/v2/users/999999999/tickets/ccd").at("/error").stringValue()).isEqualTo("RecordNotFound");
        assertThat(desk.anonymous().get("/api/v2/users/1/tickets/ccd").status()).isEqualTo(401);
    }

    @Test
    void badPagingAndIdsAreRefusedInTheErrorFormat() {
        ApiClient agent = desk.agent().api();
        Reply size = agent.get("/api/v2/organizations/1/tickets?page[size]=1000");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.at("/error").stringValue()).isEqualTo("InvalidPaginationParameter");
        assertThat(agent.get("/api/v2/users/1/tickets/requested?page[after]=nonsense").status()).isEqualTo(400);
        assertThat(agent.get("/api/v2/organizations/abc/tickets").status()).isEqualTo(400);
        assertThat(agent.get("/api/v2/users/99999999999999999999/tickets/ccd").status()).isEqualTo(400);
    }

    private void sharesTickets(Org organization) {
        Reply shared = desk.admin.put("/api/v2/organizations/" + organization.id(), """
                {"organization":{"shared_tickets":true}}""");
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
    }

    private static long onBehalfOf(Account partner, Account customer) {
        Reply reply = partner.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"For a customer","comment":{"body":"b"},"ticket_form_id":%d,"custom_fields":[%s,%s]}}"""
                .formatted(OPEN_PARTNER_FORM, field(ORGANIZATION_EMAIL, customer.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("ticket");
    }

    private static long file(ApiClient api, List<String> ccEmails) {
        String ccs = ccEmails.stream().map(email -> "{\"user_email\":\"" + email + "\"}").toList().toString();
        Reply reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d,"email_ccs":%s}}""".formatted(SUPPORT_FORM, ccs));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("ticket");
    }

    private List<Long> allPages(ApiClient api, String first) {
        return allPages(api, first, new ArrayList<>());
    }

    private List<Long> allPages(ApiClient api, String first, List<Integer> sizes) {
        List<Long> seen = new ArrayList<>();
        String next = first;
        while (next != null) {
            Reply page = api.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<Long> ids = page.json().get("tickets").valueStream().map(t -> t.get("id").longValue()).toList();
            seen.addAll(ids);
            sizes.add(ids.size());
            next = page.at("/meta/has_more").booleanValue() ? page.at("/links/next").stringValue() : null;
            if (next != null) {
                assertThat(next).startsWith(baseUrl() + first.replaceAll("(\\.json)?\\?.*", ""));
            }
            assertThat(sizes).as("pages walked").hasSizeLessThan(50);
        }
        return seen;
    }
}
