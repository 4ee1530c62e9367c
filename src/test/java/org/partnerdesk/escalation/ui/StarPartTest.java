package org.partnerdesk.escalation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.directory.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** TKT-7 [003], UI-1: the STAR part of the agent ticket page, for channel managers and sales only. */
class StarPartTest extends BrowserTest {

    @Autowired
    JdbcClient db;

    @Test
    void aPlainAgentSeesNoStarPart() {
        long id = oldCustomerTicket();
        signIn(withPassword(desk.agent()));

        page.navigate(at("/agent/tickets/" + id));

        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Entitlement")).isVisible()).isTrue();
        assertThat(star().count()).isZero();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise STAR")).count()).isZero();
    }

    @Test
    void aChannelManagerRaisesAStarSeesItsStatusAndUnstarsIt() {
        desk.supportManager();
        long id = oldCustomerTicket();
        Account manager = withPassword(desk.agent());
        desk.addToGroup(manager, Groups.CHANNEL_MANAGERS);
        signIn(manager);
        page.navigate(at("/agent/tickets/" + id));
        assertAccessible();

        page.getByLabel("Urgency").selectOption("urgent");
        star().getByLabel("Plan").fill("premium");
        page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("Customer is down since 09:00");
        page.getByLabel("Desired result").fill("A support engineer on a call today");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise STAR")).click();

        page.waitForURL(url -> url.endsWith("/agent/tickets/" + id));
        assertThat(star().textContent()).contains("Starred", "Urgent: an answer within 30 min", "Customer is down since 09:00");
        assertThat(desk.admin.get("/api/v2/star_requests?ticket_id=" + id).at("/star_requests/0/status").stringValue()).isEqualTo("starred");
        assertAccessible();

        page.getByLabel("Reason for unstarring").fill("Resolved on the call");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unstar")).click();

        page.waitForURL(url -> url.endsWith("/agent/tickets/" + id));
        assertThat(star().textContent()).doesNotContain("Starred");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise STAR")).isVisible()).isTrue();
        assertThat(desk.admin.get("/api/v2/star_requests?ticket_id=" + id).at("/star_requests/0/unstar_reason").stringValue())
                .isEqualTo("Resolved on the call");
        assertAccessible();
    }

    @Test
    void aStarTheRulesRefuseIsAnsweredWithTheRule() { // TKT-7: a ticket younger than 30 minutes
        desk.supportManager();
        long id = customerTicket();
        Account sales = withPassword(desk.agent());
        desk.addToGroup(sales, Groups.SALES);
        signIn(sales);
        page.navigate(at("/agent/tickets/" + id));

        star().getByLabel("Plan").fill("premium");
        page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("Renewal at risk");
        page.getByLabel("Desired result").fill("A call");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise STAR")).click();

        assertThat(page.locator("main").textContent()).contains("younger than 30 minutes", "TKT-7");
        assertThat(desk.admin.get("/api/v2/star_requests?ticket_id=" + id).at("/star_requests").size()).isZero();
    }

    private Locator star() {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("STAR"));
    }

    private long customerTicket() {
        var acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        return desk.endUserIn(acme).api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job fails"},"ticket_form_id":%d}}"""
                .formatted(SUPPORT_FORM)).id("ticket");
    }

    /** TKT-7 needs a ticket older than 30 minutes: moved back an hour where it is stored, as StarRequestTest does. */
    private long oldCustomerTicket() {
        long id = customerTicket();
        db.sql("update tickets set created_at = created_at - interval '1 hour' where id = ?").param(id).update();
        return id;
    }
}
