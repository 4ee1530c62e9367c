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

/** API-2 scoping of tickets for each role, reading, and refusals of bad input that change nothing. */
class TicketAccessTest extends ApiTest {

    @Test
    void partnerSeesWhatItSubmittedButNotAnotherPartnersTickets() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Account rival = desk.endUserIn(desk.aPartner("open"));
        long id = onBehalfOf(sam, ann);

        assertThat(sam.api().get("/api/v2/tickets/" + id).status()).isEqualTo(200);
        assertThat(ann.api().get("/api/v2/tickets/" + id).status()).isEqualTo(200);
        assertThat(rival.api().get("/api/v2/tickets/" + id).status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(ids(rival.api().get("/api/v2/tickets"))).doesNotContain(id);
        assertThat(ids(sam.api().get("/api/v2/tickets"))).contains(id);
    }

    @Test
    void ccdUserSeesTheTicket() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        long id = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d,"email_ccs":[{"user_email":"%s"}]}}"""
                .formatted(SUPPORT_FORM, bob.email())).id("ticket");

        assertThat(bob.api().get("/api/v2/tickets/" + id).status()).isEqualTo(200);
    }

    @Test
    void customerSeesItsOrganizationsTicketsOnlyWhenTheOrganizationShares() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account colleague = desk.endUserIn(acme);
        long id = file(ann.api(), SUPPORT_FORM).id("ticket");

        assertThat(colleague.api().get("/api/v2/tickets/" + id).status()).isEqualTo(404);
        desk.admin.put("/api/v2/organizations/" + acme.id(), "{\"organization\":{\"shared_tickets\":true}}");
        assertThat(colleague.api().get("/api/v2/tickets/" + id).status()).isEqualTo(200);
    }

    @Test
    void customerOfAnotherOrganizationAndStrangersAreAnsweredAsIfTheTicketDidNotExist() { // #10 item 15
        Account ann = desk.endUserIn(desk.aCustomer());
        Account other = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM).id("ticket");

        assertThat(other.api().get("/api/v2/tickets/" + id).status()).isEqualTo(404);
        assertThat(other.api().get("/api/v2/tickets/" + id + "/comments").status()).isEqualTo(404);
        assertThat(other.api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"hi\"}}}").status()).isEqualTo(404);
        assertThat(desk.stranger().api().get("/api/v2/tickets/" + id).status()).isEqualTo(404);
        assertThat(desk.anonymous().get("/api/v2/tickets/" + id).status()).isEqualTo(401);
        assertThat(desk.anonymous().post("/api/v2/tickets", "{}").status()).isEqualTo(401);
    }

    @Test
    void theDecisionAndTheAuditLogAreForStaff() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM).id("ticket");

        assertThat(ann.api().get("/api/v2/tickets/" + id + "/entitlement").status()).isEqualTo(403);
        assertThat(ann.api().get("/api/v2/tickets/" + id + "/audits").status()).isEqualTo(403);
        assertThat(desk.agent().api().get("/api/v2/tickets/" + id + "/entitlement").status()).isEqualTo(200);
    }

    @Test
    void requesterCanReplyButNotChangeFields() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), SUPPORT_FORM).id("ticket");

        assertThat(ann.api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"more logs\"}}}").status()).isEqualTo(200);
        assertThat(ann.api().put("/api/v2/tickets/" + id, "{\"ticket\":{\"priority\":\"urgent\"}}").status()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/comments").json().get("comments").size()).isEqualTo(2);
    }

    @Test
    void agentsListAllTicketsThroughEveryPage() {
        Account ann = desk.endUserIn(desk.aCustomer());
        for (int i = 0; i < 3; i++) {
            file(ann.api(), SUPPORT_FORM);
        }
        List<Long> seen = new ArrayList<>();
        String next = "/api/v2/tickets.json?page[size]=2";
        int pages = 0;
        while (next != null && pages++ < 10_000) {
            Reply page = desk.agent().api().get(next);
            seen.addAll(ids(page));
            next = page.at("/meta/has_more").booleanValue() ? page.at("/links/next").stringValue() : null;
        }
        assertThat(seen).doesNotHaveDuplicates().isSorted().hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void showManyReturnsOnlyWhatTheCallerMaySee() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account other = desk.endUserIn(desk.aCustomer());
        long mine = file(ann.api(), SUPPORT_FORM).id("ticket");
        long theirs = file(other.api(), SUPPORT_FORM).id("ticket");

        assertThat(ids(ann.api().get("/api/v2/tickets/show_many?ids=" + mine + "," + theirs))).containsExactly(mine);
        assertThat(ids(desk.agent().api().get("/api/v2/tickets/show_many.json?ids=" + mine + "," + theirs))).containsExactly(mine, theirs);
    }

    @Test
    void badInputIsRefusedAndCreatesNothing() {
        Account ann = desk.endUserIn(desk.aCustomer());
        assertRefused(ann.api().post("/api/v2/tickets", "{\"ticket\":{\"subject\":\"s\",\"comment\":{\"body\":\"b\"},\"ticket_form_id\":1}}"), 422);
        assertRefused(ann.api().post("/api/v2/tickets", "{\"ticket\":{\"subject\":\"s\",\"comment\":{\"body\":\"b\"},\"priority\":\"asap\"}}"), 422);
        assertRefused(ann.api().post("/api/v2/tickets", "{\"ticket\":{\"subject\":\"s\"}}"), 422);
        assertRefused(ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"custom_fields":[{"id":999,"value":"x"}]}}"""), 422);
        assertRefused(ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"custom_fields":[{"id":%d,"value":"yes"}]}}""".formatted(CC_PARTNER_FIELD)), 422);
        assertRefused(ann.api().post("/api/v2/tickets", "{\"ticket\":{\"subject\":\"" + "x".repeat(501) + "\",\"comment\":{\"body\":\"b\"}}}"), 422);
        assertRefused(ann.api().post("/api/v2/tickets", "{\"ticket\":"), 400);
        assertRefused(ann.api().post("/api/v2/tickets", "{\"tickets\":{}}"), 400);

        assertThat(ids(ann.api().get("/api/v2/tickets"))).isEmpty();
    }

    @Test
    void partnerCannotOpenATicketForAnotherRequester() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account sam = desk.endUserIn(desk.aPartner("open"));

        Reply refused = sam.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"requester_id":%d}}""".formatted(ann.id()));

        assertThat(refused.status()).isEqualTo(403);
    }

    private static final long CC_PARTNER_FIELD = org.partnerdesk.Desk.CC_PARTNER;

    private static void assertRefused(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().has("error")).isTrue();
    }

    private long onBehalfOf(Account partner, Account customer) {
        return partner.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d,"custom_fields":[%s,%s]}}"""
                .formatted(OPEN_PARTNER_FORM, field(ORGANIZATION_EMAIL, customer.email()),
                        field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"))).id("ticket");
    }

    private static Reply file(ApiClient api, long form) {
        Reply reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d}}""".formatted(form));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    private static List<Long> ids(Reply reply) {
        return reply.json().get("tickets").valueStream().map(t -> t.get("id").longValue()).toList();
    }

}
