package org.partnerdesk.partnerops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.PageSession;
import org.partnerdesk.identity.Passwords;
import org.partnerdesk.partnerops.NfrDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * UI-1 budgets: each operations page answers within 15 SQL statements, session included, whatever the rows on it (no
 * lookup per row). Counted by the desk itself ({@code partnerdesk.bench.query-count}), as database.RequestCostTest does.
 */
@TestPropertySource(properties = "partnerdesk.bench.query-count=true")
class OpsPagesCostTest extends ApiTest {

    @Autowired
    Passwords passwords;

    @Test
    void everyOperationsPageStaysWithinFifteenStatements() {
        NfrDesk nfr = new NfrDesk(desk, MAIL);
        OpsFixtures ops = new OpsFixtures(desk, nfr);
        var application = ops.anApplicationInReview(Desk.unique("Budgeted"));
        long accessRequest = ops.anAccessRequest(desk.aPartner("open"));
        var cast = ops.anExceptionCast();
        long exception = ops.askException(cast, 40);
        for (int i = 0; i < 3; i++) {
            ops.askException(ops.anExceptionCast(), 30 + i);
        }
        PageSession session = PageSession.signedIn(baseUrl(), passwords, cast.programsDirector());

        for (String path : List.of("/ops", "/ops/inbox-counts", "/ops/applications", "/ops/applications/" + application.id(),
                "/ops/access-requests", "/ops/access-requests/" + accessRequest, "/ops/nfr-requests?status=ineligible",
                "/ops/nfr-requests?status=awaiting_fulfilment", "/ops/nfr-requests/" + cast.standardRequest(),
                "/ops/nfr-exceptions", "/ops/nfr-exceptions?status=awaiting_me", "/ops/nfr-exceptions?status=all",
                "/ops/nfr-exceptions/" + exception)) {
            var response = session.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(Integer.parseInt(response.headers().firstValue("X-Query-Count").orElseThrow())).as(path).isLessThanOrEqualTo(15);
        }
    }
}
