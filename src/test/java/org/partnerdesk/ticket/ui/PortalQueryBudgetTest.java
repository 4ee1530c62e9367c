package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.PageSession;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * UI-1 budget (issue #15): a full page of a portal list and a request page with its replies, CCs and files each run at
 * most 15 SQL statements, whatever the number of rows (no statement per row). Its own context, with the statement count on.
 */
@TestPropertySource(properties = "partnerdesk.bench.query-count=true")
class PortalQueryBudgetTest extends ApiTest {

    private static final int BUDGET = 15;

    @Autowired
    Passwords passwords;

    @Test
    void aFullPageOfEachListAndARequestPageStayWithinFifteenStatements() {
        var acme = desk.aCustomer();
        desk.admin.put("/api/v2/organizations/" + acme.id(), "{\"organization\":{\"shared_tickets\":true}}");
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long last = 0;
        for (int i = 0; i < 27; i++) {
            Account customer = desk.endUserIn(acme);
            last = PortalRequestPagesTest.fileOnBehalf(sam, customer, "Customer question " + i);
            assertThat(customer.api().put("/api/v2/tickets/" + last, "{\"ticket\":{\"comment\":{\"body\":\"more detail " + i + "\"},"
                    + "\"email_ccs\":[{\"user_email\":\"" + sam.email() + "\"}]}}").status()).isEqualTo(200);
        }
        Reply reply = desk.agent().api().put("/api/v2/tickets/" + last, "{\"ticket\":{\"comment\":{\"body\":\"We are on it\"}}}");
        assertThat(reply.status()).isEqualTo(200);
        PageSession portal = PageSession.signedIn(baseUrl(), passwords, sam);

        for (String path : new String[] {"/portal", "/portal/requests?list=ccd", "/portal/requests?list=customers",
                "/portal/requests?list=mine&status=new", "/portal/requests?q=Customer", "/portal/requests/" + last}) {
            PageSession.Answer page = portal.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            int statements = Integer.parseInt(page.headers().firstValue("X-Query-Count").orElseThrow());
            assertThat(statements).as(path + " statements").isLessThanOrEqualTo(BUDGET);
        }
        assertThat(portal.get("/portal").body()).contains("Next page");
    }
}
