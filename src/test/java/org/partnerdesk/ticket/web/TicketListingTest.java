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

/**
 * API-2 for {@code GET /api/v2/tickets}: a partner lists only what it submitted or is CC'd on, a customer its own
 * requests plus its organization's when the organization shares tickets, and paging never lets others' tickets in.
 */
class TicketListingTest extends ApiTest {

    @Test
    void partnerListsExactlyWhatItSubmittedOrIsCcdOnNotItsCustomersOtherTickets() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Org resellCo = desk.aPartner("open");
        Account sam = desk.endUserIn(resellCo);
        Account pat = desk.endUserIn(resellCo);
        long submitted = onBehalfOf(sam, ann, List.of());
        long ccd = file(ann.api(), List.of(sam.email()));
        long annsOwn = file(ann.api(), List.of());
        long byColleague = onBehalfOf(pat, ann, List.of());
        long colleaguesOwnWork = file(pat.api(), List.of());
        sharesTickets(acme);

        List<Long> listed = allPages(sam.api());

        assertThat(listed).containsExactly(submitted, ccd);
        assertThat(listed).doesNotContain(annsOwn, byColleague, colleaguesOwnWork);
    }

    @Test
    void partnerOrganizationThatSharesTicketsStillShowsEachPartnerOnlyItsOwn() {
        Org resellCo = desk.aPartner("select");
        Account sam = desk.endUserIn(resellCo);
        Account pat = desk.endUserIn(resellCo);
        long patsOwnWork = file(pat.api(), List.of());
        sharesTickets(resellCo);

        assertThat(allPages(sam.api())).doesNotContain(patsOwnWork);
        assertThat(sam.api().get("/api/v2/tickets/" + patsOwnWork).status()).isEqualTo(404); // #10 item 15: as if it did not exist
    }

    @Test
    void partnerCcdByAColleagueSeesThatTicketToo() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Org resellCo = desk.aPartner("open");
        Account sam = desk.endUserIn(resellCo);
        Account pat = desk.endUserIn(resellCo);
        long ccdByPat = onBehalfOf(pat, ann, List.of(sam.email()));

        assertThat(allPages(sam.api())).containsExactly(ccdByPat);
        assertThat(allPages(pat.api())).containsExactly(ccdByPat);
    }

    @Test
    void customerListsItsOwnRequestsAndItsOrganizationsOnlyOnceTheOrganizationShares() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Account globexUser = desk.endUserIn(desk.aCustomer());
        long annsOwn = file(ann.api(), List.of());
        long forAnnBySam = onBehalfOf(sam, ann, List.of());
        long bobsOwn = file(bob.api(), List.of());
        long forBobBySam = onBehalfOf(sam, bob, List.of());
        long globexTicket = file(globexUser.api(), List.of());

        assertThat(allPages(ann.api())).containsExactly(annsOwn, forAnnBySam);

        sharesTickets(acme);

        assertThat(allPages(ann.api())).containsExactly(annsOwn, forAnnBySam, bobsOwn, forBobBySam)
                .doesNotContain(globexTicket);
        assertThat(allPages(globexUser.api())).containsExactly(globexTicket);
    }

    @Test
    void customerWithoutAnOrganizationListsOnlyItsOwnRequests() {
        Account stranger = desk.stranger();
        Account otherStranger = desk.stranger();
        long mine = file(stranger.api(), List.of());
        long theirs = file(otherStranger.api(), List.of());

        assertThat(allPages(stranger.api())).containsExactly(mine).doesNotContain(theirs);
    }

    @Test
    void endUserWalksEveryPageOfItsTicketsAndNeverSeesAnothersTickets() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account colleague = desk.endUserIn(acme);
        Account outsider = desk.endUserIn(desk.aCustomer());
        List<Long> annsTickets = new ArrayList<>();
        List<Long> othersTickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            annsTickets.add(file(ann.api(), List.of()));
            othersTickets.add(file(colleague.api(), List.of()));
            othersTickets.add(file(outsider.api(), List.of()));
        }

        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = "/api/v2/tickets.json?page[size]=2";
        while (next != null) {
            Reply page = ann.api().get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<Long> ids = ids(page);
            seen.addAll(ids);
            pageSizes.add(ids.size());
            if (page.at("/meta/has_more").booleanValue()) {
                assertThat(page.at("/links/next").stringValue()).startsWith(baseUrl() + "/api/v2/tickets?");
                next = page.at("/links/next").stringValue();
            } else {
                assertThat(page.at("/links/next").isNull()).isTrue();
                next = null;
            }
            assertThat(pageSizes).as("pages walked").hasSizeLessThanOrEqualTo(annsTickets.size());
        }

        assertThat(seen).containsExactlyElementsOf(annsTickets).doesNotContainAnyElementsOf(othersTickets);
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    private void sharesTickets(Org organization) {
        Reply shared = desk.admin.put("/api/v2/organizations/" + organization.id(), """
                {"organization":{"shared_tickets":true}}""");
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        assertThat(shared.at("/organization/shared_tickets").booleanValue()).isTrue();
    }

    /** ENT-1: the Open partner files for its customer's contact, who becomes the requester. */
    private static long onBehalfOf(Account partner, Account customer, List<String> ccEmails) {
        Reply reply = partner.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"For a customer","comment":{"body":"b"},"ticket_form_id":%d,"custom_fields":[%s,%s],"email_ccs":%s}}"""
                .formatted(OPEN_PARTNER_FORM, field(ORGANIZATION_EMAIL, customer.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"),
                        ccs(ccEmails)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.at("/ticket/requester_id").longValue()).isEqualTo(customer.id());
        return reply.id("ticket");
    }

    private static long file(ApiClient api, List<String> ccEmails) {
        Reply reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d,"email_ccs":%s}}""".formatted(SUPPORT_FORM, ccs(ccEmails)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("ticket");
    }

    private static String ccs(List<String> emails) {
        return emails.stream().map(email -> "{\"user_email\":\"" + email + "\"}").toList().toString();
    }

    private static List<Long> allPages(ApiClient api) {
        List<Long> seen = new ArrayList<>();
        String next = "/api/v2/tickets?page[size]=100";
        while (next != null) {
            Reply page = api.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            seen.addAll(ids(page));
            next = page.at("/meta/has_more").booleanValue() ? page.at("/links/next").stringValue() : null;
        }
        return seen;
    }

    private static List<Long> ids(Reply reply) {
        return reply.json().get("tickets").valueStream().map(t -> t.get("id").longValue()).toList();
    }
}
