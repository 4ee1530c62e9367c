package org.partnerdesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.PageSession;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * UI-1 budgets for the operations console's directory pages (#16): at most 15 SQL statements each, the session's own
 * included, however many members or organizations a page lists. The same context as RequestCostTest (query counting on).
 */
@TestPropertySource(properties = "partnerdesk.bench.query-count=true")
class OperationsDirectoryCostTest extends ApiTest {

    private static final int BUDGET = 15;

    @Autowired
    Passwords passwords;

    @Test
    void theOrganizationsUsersAndGroupsPagesStayWithinTheStatementBudget() throws Exception {
        var partner = desk.aPartner("select");
        for (int i = 0; i < 5; i++) {
            desk.endUserIn(partner);
        }
        var colleague = desk.agent();
        desk.addToGroup(colleague, "Support");
        desk.addToGroup(colleague, "Licensing");
        var admin = PageSession.signedIn(baseUrl(), passwords, desk.anAdmin());

        for (String page : List.of("/ops/organizations", "/ops/organizations?q=partner", "/ops/organizations?q=" + partner.domain(),
                "/ops/organizations/" + partner.id(), "/ops/organizations/" + partner.id() + "/edit", "/ops/users", "/ops/users?q=agent",
                "/ops/users?q=" + colleague.email(), "/ops/users/" + colleague.id(), "/ops/users/groups",
                "/ops/users/groups/" + desk.groupId("Support"))) {
            var answer = admin.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Query-Count").map(Integer::parseInt).orElseThrow()).as(page).isLessThanOrEqualTo(BUDGET);
        }
    }
}
