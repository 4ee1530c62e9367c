package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/**
 * TKT-6, SPEC 2 (#10 item 14): search terms over staff-only facts (the entitlement decision: flags, support level,
 * what a ticket is served under) are for staff. A partner that may not read GET /tickets/{id}/entitlement must not
 * learn from search which of its customers have no paid plan: its search is a 400 saying the term is for staff.
 */
class SearchTermsForStaffTest extends ApiTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flag:no_entitlement", "-flag:no_entitlement", "flags:no_entitlement", "status:new flag:needs_org",
            "support_level:none", "entitlement:ENT-1"})
    void partnerCannotSearchItsCustomersTicketsByWhatTheEntitlementDecided(String query) {
        Account sam = aPartnerFilesForACustomerWithoutAPaidPlan();

        for (Reply refused : new Reply[] {sam.api().get(search("/api/v2/search", query)), sam.api().get(search("/api/v2/search/count", query))}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.at("/error").stringValue()).isEqualTo("InvalidSearch");
            assertThat(refused.at("/description").stringValue()).contains("is a search term for staff");
        }
        assertThat(sam.api().get("/api/v2/search?query=status:new").status()).as("other terms still answer").isEqualTo(200);
    }

    @Test
    void staffSearchByFlagAsBefore() {
        Account sam = aPartnerFilesForACustomerWithoutAPaidPlan();
        long id = sam.api().get("/api/v2/tickets").json().get("tickets").get(0).get("id").longValue();

        Reply found = desk.agent().api().get(search("/api/v2/search", "flag:no_entitlement submitter:" + sam.id()));

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.at("/results/0/id").longValue()).isEqualTo(id);
    }

    @Test
    void anEndUsersUnknownTermIsAnsweredWithTheTermsTheyMayUse() {
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply refused = ann.api().get("/api/v2/search?query=colour:blue");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/description").stringValue()).contains("status").doesNotContain("flag");
    }

    private Account aPartnerFilesForACustomerWithoutAPaidPlan() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Reply filed = sam.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job dies"},"ticket_form_id":%d,"custom_fields":[%s,%s]}}"""
                .formatted(OPEN_PARTNER_FORM, field(ORGANIZATION_EMAIL, ann.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(desk.admin.get("/api/v2/tickets/" + filed.id("ticket") + "/entitlement").at("/entitlement/flags").toString())
                .contains("no_entitlement");
        assertThat(sam.api().get("/api/v2/tickets/" + filed.id("ticket") + "/entitlement").status()).isEqualTo(403);
        return sam;
    }

    private static String search(String path, String query) {
        return path + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
