package org.partnerdesk.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.ticket.AgentView;
import org.partnerdesk.ticket.TicketQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * UI-1 agent console, the queues (TKT-5): the views with their counts at their own addresses, the most urgent SLA
 * first in words, bulk update through the same rules as one ticket at a time, and j/k/Enter that can be turned off.
 */
class QueuePageTest extends BrowserTest {

    private static final Pattern COUNT = Pattern.compile("data-count=\"([a-z_]+)\">(\\d+|1,000\\+)<");
    /** What a count past {@link TicketQueues#MOST_COUNTED} reads as here: "1,000+". */
    private static final long MORE = TicketQueues.MOST_COUNTED + 1;

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Autowired
    JdbcClient db;

    @Test
    void theMostUrgentTicketComesFirstAndItsBadgeSaysSoInWords() {
        Account agent = withPassword(desk.agent());
        Org acme = premiumCustomer();
        Account ann = desk.endUserIn(acme);
        long low = file(ann.api(), Desk.unique("Slow dashboard"), "low");
        long urgent = file(ann.api(), Desk.unique("Runner down"), "urgent");
        long breached = file(ann.api(), Desk.unique("Deploys fail"), "normal");
        for (long id : List.of(low, urgent, breached)) {
            change(id, "{\"assignee_id\":%d}".formatted(agent.id()));
        }
        dueMinutesAgo(breached, 5);
        signIn(agent);

        page.navigate(at("/agent?view=mine"));

        Locator rows = page.locator("[data-row-list] [data-row]");
        assertThat(rows.count()).isEqualTo(3);
        assertThat(rows.nth(0).getAttribute("data-ticket")).isEqualTo(Long.toString(breached));
        Locator badge = rows.nth(0).locator(".badge").first();
        assertThat(badge.textContent()).matches("breached \\d+ min ago");
        assertThat(badge.getAttribute("class")).contains("breached");
        assertThat(rows.nth(1).getAttribute("data-ticket")).isEqualTo(Long.toString(urgent));
        assertThat(rows.nth(1).locator(".badge").first().textContent()).matches("due in \\d+ min");
        assertThat(rows.nth(2).getAttribute("data-ticket")).isEqualTo(Long.toString(low));
        assertThat(rows.nth(0).textContent()).contains(ann.email(), acme.name(), "Normal");
        assertThat(rows.nth(0).getByRole(AriaRole.LINK).textContent()).startsWith("Deploys fail");
        assertAccessible();
        screenshot("agent-queue");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ticket number")).click();
        page.waitForURL(url -> url.endsWith("sort=id"));
        assertThat(ticketIds()).containsExactly(low, urgent, breached);
    }

    @Test
    void eachViewHasItsOwnAddressAndCountsItsTickets() {
        Account agent = withPassword(desk.agent());
        desk.addToGroup(agent, Groups.LICENSING);
        desk.supportManager(); // TKT-7: a STAR goes to the on-call support manager
        signIn(agent);
        Map<AgentView, Long> before = counts();
        Org acme = premiumCustomer();
        ApiClient ann = desk.endUserIn(acme).api();
        String mine = Desk.unique("Licence key rejected");
        long assigned = file(ann, mine, "high");
        change(assigned, "{\"assignee_id\":%d,\"group_id\":%d}".formatted(agent.id(), desk.groupId(Groups.LICENSING)));
        long needsOrg = file(desk.stranger().api(), Desk.unique("Who am I"), "normal");
        long starred = file(ann, Desk.unique("Customer is down"), "urgent");
        star(starred);
        long breached = file(ann, Desk.unique("Backups missing"), "normal");
        dueMinutesAgo(breached, 30);

        Map<AgentView, Long> after = counts();

        assertGained(before, after, AgentView.MINE, 1);
        assertGained(before, after, AgentView.MY_GROUPS, 1);
        assertGained(before, after, AgentView.NEW_AND_OPEN, 4);
        assertGained(before, after, AgentView.UNASSIGNED, 3);
        assertGained(before, after, AgentView.NEEDS_ORG, 1);
        assertGained(before, after, AgentView.STAR, 1);
        // other tests' clocks may fall due meanwhile, never fewer
        assertThat(after.get(AgentView.BREACHED)).isGreaterThanOrEqualTo(Math.min(before.get(AgentView.BREACHED) + 1, MORE));

        page.navigate(at("/agent"));
        queueLink("Mine").click();
        page.waitForURL(url -> url.endsWith("/agent?view=mine"));
        assertThat(queueLink("Mine").getAttribute("aria-current")).isEqualTo("page");
        assertThat(queueLink("New and open").getAttribute("aria-current")).isNull();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).isEqualTo("Mine");
        assertThat(queueLink("Mine").textContent()).contains("1");
        assertThat(subjects()).containsExactly(mine);
        assertAccessible();

        queueLink("Needs organization").click();
        page.waitForURL(url -> url.endsWith("view=needs_org"));
        assertThat(ticketIds()).contains(needsOrg).doesNotContain(assigned, starred);
        // the flag in the words of its view, not its code
        assertThat(page.locator("[data-ticket='" + needsOrg + "'] .flag").allTextContents()).contains("Needs organization");

        queueLink("STAR").click();
        page.waitForURL(url -> url.endsWith("view=star"));
        assertThat(ticketIds()).contains(starred).doesNotContain(assigned, needsOrg, breached);
        assertThat(page.locator("[data-ticket='" + starred + "']").textContent()).contains("STAR");
        assertAccessible();

        queueLink("Breached").click();
        page.waitForURL(url -> url.endsWith("view=breached"));
        assertThat(ticketIds()).contains(breached).doesNotContain(assigned, starred);

        page.navigate(at("/agent?view=my_groups"));
        assertThat(ticketIds()).contains(assigned).doesNotContain(needsOrg, starred, breached);
    }

    @Test
    void bulkUpdateSetsTheStatusAndAssigneeOfTheSelectedTickets() {
        Account agent = withPassword(desk.agent());
        // the assignee list is by name: this one sorts before the many test accounts named after their e-mail
        Account colleague = namedAgent("Aaron " + Desk.unique("Bulk"));
        ApiClient ann = desk.endUserIn(premiumCustomer()).api();
        String first = Desk.unique("Export hangs");
        String second = Desk.unique("Import hangs");
        String third = Desk.unique("Stays as is");
        long one = file(ann, first, "normal");
        long two = file(ann, second, "normal");
        long untouched = file(ann, third, "normal");
        for (long id : List.of(one, two, untouched)) {
            change(id, "{\"assignee_id\":%d}".formatted(agent.id()));
        }
        signIn(agent);
        page.navigate(at("/agent?view=mine"));

        page.getByLabel("Select " + first).check();
        page.getByLabel("Select " + second).check();
        page.getByLabel("Status", EXACT).selectOption("pending");
        page.getByLabel("Assignee", EXACT).selectOption(Long.toString(colleague.id()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update selected")).click();

        page.waitForURL(url -> url.endsWith("/agent?view=mine"));
        assertThat(page.locator("#flash").textContent()).contains("2 tickets updated");
        assertThat(subjects()).containsExactly(third);
        for (long id : List.of(one, two)) {
            Reply ticket = desk.admin.get("/api/v2/tickets/" + id);
            assertThat(ticket.at("/ticket/status").stringValue()).isEqualTo("pending");
            assertThat(ticket.at("/ticket/assignee_id").longValue()).isEqualTo(colleague.id());
        }
        assertThat(desk.admin.get("/api/v2/tickets/" + untouched).at("/ticket/status").stringValue()).isEqualTo("new");
        assertAccessible();
    }

    @Test
    void aTicketTheRulesRefuseIsNamedWithTheReasonAndTheOthersAreUpdated() {
        Account agent = withPassword(desk.agent());
        ApiClient ann = desk.endUserIn(premiumCustomer()).api();
        String fresh = Desk.unique("Fresh");
        String solved = Desk.unique("Solved already");
        long newTicket = file(ann, fresh, "normal");
        long solvedTicket = file(ann, solved, "normal");
        change(newTicket, "{\"assignee_id\":%d}".formatted(agent.id()));
        change(solvedTicket, "{\"assignee_id\":%d,\"status\":\"solved\"}".formatted(agent.id()));
        signIn(agent);
        page.navigate(at("/agent?view=mine"));
        assertThat(subjects()).containsExactly(fresh);
        // TKT-1: only a solved ticket may be closed; the solved one is not in "mine" (unsolved), so close the new one
        page.getByLabel("Select " + fresh).check();
        page.getByLabel("Status", EXACT).selectOption("closed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update selected")).click();

        page.waitForURL(url -> url.endsWith("/agent?view=mine"));
        assertThat(page.locator("#flash").textContent()).contains("0 tickets updated", "#" + newTicket + " not updated",
                "cannot become closed");
        assertThat(desk.admin.get("/api/v2/tickets/" + newTicket).at("/ticket/status").stringValue()).isEqualTo("new");
        assertAccessible();
    }

    @Test
    void aLaterPageOfAViewLeadsBackToItsFirst() {
        Account agent = withPassword(desk.agent());
        List<Long> mine = anUrgentAndALowTicketAssignedTo(agent);
        long urgent = mine.get(0);
        long low = mine.get(1);
        signIn(agent);
        page.navigate(at("/agent?view=mine&page%5Bsize%5D=1"));
        Locator pages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages"));
        assertThat(pages.getByRole(AriaRole.LINK).allTextContents()).containsExactly("Next page");

        pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next page")).click();
        page.waitForURL(url -> url.contains("page%5Bafter%5D") || url.contains("page[after]"));
        assertThat(ticketIds()).containsExactly(low);
        pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("First page")).click();
        page.waitForURL(url -> url.endsWith("/agent?view=mine"));
        assertThat(ticketIds()).containsExactly(urgent, low);
    }

    @Test
    void jAndKMoveThroughTheTicketsAndEnterOpensOne() {
        Account agent = withPassword(desk.agent());
        List<Long> mine = anUrgentAndALowTicketAssignedTo(agent);
        long first = mine.get(0);
        long second = mine.get(1);
        signIn(agent);
        page.navigate(at("/agent?view=mine"));

        page.keyboard().press("j");
        assertThat(focusedTicket()).isEqualTo(first);
        page.keyboard().press("j");
        assertThat(focusedTicket()).isEqualTo(second);
        assertThat(page.locator("[data-ticket='" + second + "']").getAttribute("aria-selected")).isEqualTo("true");
        assertAccessible();
        page.keyboard().press("k");
        assertThat(focusedTicket()).isEqualTo(first);
        page.keyboard().press("Enter");

        page.waitForURL(url -> url.matches(".*/agent/tickets/" + first + "(\\?.*)?"));
    }

    @Test
    void singleKeyShortcutsTurnedOffLeaveJAlone() {
        Account agent = withPassword(desk.agent());
        long id = file(desk.endUserIn(premiumCustomer()).api(), Desk.unique("Quiet"), "normal");
        change(id, "{\"assignee_id\":%d}".formatted(agent.id()));
        signIn(agent);
        page.navigate(at("/agent?view=mine"));

        page.keyboard().press("?");
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
        assertThat(dialog.isVisible()).isTrue();
        assertAccessible();
        dialog.getByLabel("Single-key shortcuts on").uncheck();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
        page.keyboard().press("j");

        assertThat(page.locator("[data-row][aria-selected='true']").count()).isZero();
        assertThat(focusedTicket()).isNull();
        page.reload();
        page.keyboard().press("j");
        assertThat(focusedTicket()).as("the choice is kept").isNull();
    }

    @Test
    void anEndUserIsRefusedTheQueuesAndTheirCounts() {
        Account customer = withPassword(desk.endUserIn(desk.aCustomer()));
        signIn(customer);

        assertThat(page.navigate(at("/agent")).status()).isEqualTo(403);
        assertAccessible();
        assertThat(page.navigate(at("/agent?view=mine")).status()).isEqualTo(403);
        assertThat(context.request().get(at("/agent/queue-counts")).status()).isEqualTo(403);
    }

    @Test
    void aViewTheDeskDoesNotHaveIsABadRequestPage() {
        signIn(withPassword(desk.agent()));

        var response = page.navigate(at("/agent?view=everything"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(page.locator("main").textContent()).contains("There is no view \"everything\"");
        assertThat(page.navigate(at("/agent?sort=priority")).status()).isEqualTo(400);
    }

    /** A view gained {@code n} tickets, or shows "1,000+" where the whole suite's tickets already filled it (TKT-5 counts stop there). */
    private static void assertGained(Map<AgentView, Long> before, Map<AgentView, Long> after, AgentView view, long n) {
        if (before.get(view) + n >= MORE) {
            assertThat(after.get(view)).as(view + " shows 1,000+").isEqualTo(MORE);
        } else {
            assertThat(after.get(view) - before.get(view)).as(view.code()).isEqualTo(n);
        }
    }

    /** The sidebar's counts as the htmx fragment serves them, read with the browser's session. */
    private Map<AgentView, Long> counts() {
        var response = context.request().get(at("/agent/queue-counts?view=mine"));
        assertThat(response.status()).isEqualTo(200);
        Map<AgentView, Long> counts = new EnumMap<>(AgentView.class);
        Matcher found = COUNT.matcher(response.text());
        while (found.find()) {
            counts.put(AgentView.of(found.group(1)).orElseThrow(), found.group(2).endsWith("+") ? MORE : Long.parseLong(found.group(2)));
        }
        assertThat(counts).hasSize(AgentView.values().length);
        return counts;
    }

    private Locator queueLink(String view) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Queues"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(view));
    }

    private List<String> subjects() {
        return page.locator("[data-row-list] [data-row] a[data-row-link]").allTextContents();
    }

    private List<Long> ticketIds() {
        return page.locator("[data-row-list] [data-row]").evaluateAll("rows => rows.map(r => r.dataset.ticket)") instanceof List<?> ids
                ? ids.stream().map(id -> Long.parseLong(String.valueOf(id))).toList() : List.of();
    }

    private Long focusedTicket() {
        Object id = page.evaluate("() => { const row = document.activeElement && document.activeElement.closest('[data-row]');"
                + " return row ? row.dataset.ticket : null; }");
        return id == null ? null : Long.parseLong(id.toString());
    }

    private Org premiumCustomer() {
        Org org = desk.aCustomer();
        desk.subscribe(org, "premium");
        return org;
    }

    private Account namedAgent(String name) {
        String email = Desk.unique("bulk").toLowerCase() + "@people.test";
        Reply created = desk.admin.post("/api/v2/users", """
                {"user":{"name":"%s","email":"%s","role":"agent"}}""".formatted(name, email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Account(created.id("user"), email, null, desk.admin);
    }

    /** The ticket's running reply clock fell due that long ago (the clock is the sla module's; time is arranged where it is stored). */
    private void dueMinutesAgo(long ticket, int minutes) {
        int changed = db.sql("update ticket_slas set breach_at = now() - make_interval(mins => ?) where ticket_id = ? and achieved_at is null")
                .params(minutes, ticket).update();
        assertThat(changed).as("a running clock on ticket " + ticket).isEqualTo(1);
    }

    /** TKT-7: a channel manager stars the ticket, made old enough (30 minutes) where it is stored. */
    private void star(long ticket) {
        db.sql("update tickets set created_at = created_at - interval '1 hour' where id = ?").param(ticket).update();
        Account manager = desk.agent();
        desk.addToGroup(manager, Groups.CHANNEL_MANAGERS);
        Reply starred = manager.api().post("/api/v2/star_requests", """
                {"star_request":{"ticket_id":%d,"urgency":"urgent","plan":"premium","reason":"Customer is down",
                 "desired_result":"A call today"}}""".formatted(ticket));
        assertThat(starred.status()).as(starred.toString()).isEqualTo(201);
    }

    /** Two tickets of a premium customer's, urgent then low, assigned to {@code agent}: in that order in "Mine". */
    private List<Long> anUrgentAndALowTicketAssignedTo(Account agent) {
        ApiClient ann = desk.endUserIn(premiumCustomer()).api();
        List<Long> ids = List.of(file(ann, Desk.unique("Urgent"), "urgent"), file(ann, Desk.unique("Low"), "low"));
        for (long id : ids) {
            change(id, "{\"assignee_id\":%d}".formatted(agent.id()));
        }
        return ids;
    }

    private void change(long ticketId, String ticketJson) {
        Reply reply = desk.admin.put("/api/v2/tickets/" + ticketId, "{\"ticket\":" + ticketJson + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static long file(ApiClient api, String subject, String priority) {
        Reply reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"It broke this morning"},"ticket_form_id":%d,"priority":"%s"}}"""
                .formatted(subject, SUPPORT_FORM, priority));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("ticket");
    }
}
