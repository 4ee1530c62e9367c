package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue #17 item 6: Zendesk's ticket metrics, computed from the ticket's history on the SLA calendar (TKT-4). */
class TicketMetricsTest extends ApiTest {

    // Friday 16:00 and Monday 09:00 US Pacific: the 24x5 week closes Friday 17:00 and opens Sunday 15:00
    private static final Instant FRIDAY_4PM = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T17:00:00Z");

    @Autowired
    JdbcClient db;

    @Test
    void replyAndResolutionTimesCountCalendarAndBusinessMinutesOnTheSlaCalendar() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long ticket = file(ann);
        Reply solved = desk.agent().api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"status":"solved","comment":{"body":"Restart the runner"}}}""");
        assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
        openedAtAndAnsweredAt(ticket, FRIDAY_4PM, MONDAY_9AM);

        JsonNode metric = desk.agent().api().get("/api/v2/tickets/" + ticket + "/metrics").json().get("ticket_metric");

        // 65 hours on the clock; 1 + 9 + 9 open hours (Friday to 17:00, Sunday from 15:00, Monday to 09:00)
        assertThat(metric.get("reply_time_in_minutes").toString()).isEqualTo("{\"calendar\":3900,\"business\":1140}");
        assertThat(metric.get("first_resolution_time_in_minutes").toString()).isEqualTo("{\"calendar\":3900,\"business\":1140}");
        assertThat(metric.get("full_resolution_time_in_minutes").toString()).isEqualTo("{\"calendar\":3900,\"business\":1140}");
        assertThat(metric.get("requester_wait_time_in_minutes").toString()).isEqualTo("{\"calendar\":3900,\"business\":1140}");
        assertThat(metric.get("agent_wait_time_in_minutes").toString()).isEqualTo("{\"calendar\":0,\"business\":0}");
        assertThat(metric.get("on_hold_time_in_minutes").toString()).isEqualTo("{\"calendar\":0,\"business\":0}");
        assertThat(metric.get("replies").intValue()).isEqualTo(1);
        assertThat(metric.get("reopens").intValue()).isZero();
        assertThat(metric.get("id").longValue()).isEqualTo(ticket);
        assertThat(metric.get("ticket_id").longValue()).isEqualTo(ticket);
        assertThat(metric.get("url").stringValue()).isEqualTo(baseUrl() + "/api/v2/ticket_metrics/" + ticket + ".json");
        assertThat(metric.get("created_at").stringValue()).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(metric.get("solved_at").stringValue()).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(metric.get("status_updated_at").stringValue()).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(metric.get("latest_comment_added_at").stringValue()).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(metric.get("requester_updated_at").stringValue()).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(metric.get("assigned_at").isNull()).isTrue();
        assertThat(desk.admin.get("/api/v2/ticket_metrics/" + ticket).json().get("ticket_metric")).isEqualTo(metric);
    }

    @Test
    void repliesReopensAndAssigneeStationsFollowTheTicketsHistory() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account agent = desk.agent();
        Account colleague = desk.agent();
        long ticket = file(ann);
        ApiClient api = agent.api();
        String path = "/api/v2/tickets/" + ticket;

        expectOk(api.put(path, """
                {"ticket":{"status":"open","assignee_id":%d,"comment":{"body":"Looking into it"}}}""".formatted(agent.id())));
        expectOk(api.put(path, """
                {"ticket":{"comment":{"body":"Probably the runner","public":false}}}"""));
        JsonNode beforeAnyReopen = api.get(path + "/metrics").json().get("ticket_metric");
        expectOk(api.put(path, """
                {"ticket":{"status":"pending","comment":{"body":"Which version?"}}}"""));
        expectOk(ann.api().put(path, """
                {"ticket":{"comment":{"body":"Version 17"}}}"""));
        expectOk(api.put(path, """
                {"ticket":{"status":"solved","comment":{"body":"Upgrade to 18"}}}"""));
        JsonNode solved = api.get(path + "/metrics").json().get("ticket_metric");
        nextSecond(Instant.parse(metric(api, path).get("initially_assigned_at").stringValue()));
        expectOk(api.put(path, """
                {"ticket":{"status":"open","assignee_id":%d}}""".formatted(colleague.id())));

        JsonNode metric = api.get(path + "/metrics").json().get("ticket_metric");

        assertThat(beforeAnyReopen.get("replies").intValue()).as("an internal note is no reply").isEqualTo(1);
        assertThat(metric.get("replies").intValue()).isEqualTo(3);
        assertThat(metric.get("reopens").intValue()).isEqualTo(1);
        assertThat(metric.get("assignee_stations").intValue()).isEqualTo(2);
        assertThat(Instant.parse(metric.get("assigned_at").stringValue()))
                .isAfter(Instant.parse(metric.get("initially_assigned_at").stringValue()));
        assertThat(metric.get("requester_updated_at").stringValue()).isEqualTo(solved.get("requester_updated_at").stringValue());
        assertThat(solved.get("solved_at").isNull()).isFalse();
        assertThat(solved.at("/full_resolution_time_in_minutes/calendar").isNull()).isFalse();
        assertThat(metric.get("solved_at").isNull()).as("reopened: not solved any more").isTrue();
        assertThat(metric.at("/full_resolution_time_in_minutes/calendar").isNull()).isTrue();
        assertThat(metric.get("first_resolution_time_in_minutes")).isEqualTo(solved.get("first_resolution_time_in_minutes"));
        assertThat(metric.at("/reply_time_in_minutes/business").isNull()).isFalse();
        assertThat(beforeAnyReopen.at("/first_resolution_time_in_minutes/calendar").isNull()).as("not solved yet").isTrue();
    }

    @Test
    void aTicketWithoutAReplyHasNoReplyTimeYet() {
        long ticket = file(desk.endUserIn(desk.aCustomer()));

        JsonNode metric = desk.agent().api().get("/api/v2/tickets/" + ticket + "/metrics").json().get("ticket_metric");

        assertThat(metric.get("replies").intValue()).isZero();
        assertThat(metric.get("reply_time_in_minutes").toString()).isEqualTo("{\"calendar\":null,\"business\":null}");
        assertThat(metric.get("requester_wait_time_in_minutes").get("calendar").isIntegralNumber()).isTrue();
    }

    @Test
    void theListPagesThroughEveryTicketOnceAndLeavesDeletedTicketsOut() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long kept = file(ann);
        long deleted = file(ann);
        db.sql("update tickets set deleted_at = now() where id = ?").param(deleted).update();

        List<Long> ids = new ArrayList<>();
        String next = "/api/v2/ticket_metrics?page[size]=2";
        int pages = 0;
        while (next != null && pages++ < 10_000) {
            Reply page = desk.agent().api().get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("ticket_metrics").size()).isLessThanOrEqualTo(2);
            page.json().get("ticket_metrics").forEach(m -> ids.add(m.get("ticket_id").longValue()));
            JsonNode link = page.at("/links/next");
            assertThat(page.at("/meta/has_more").booleanValue()).isEqualTo(!link.isNull());
            next = link.isNull() ? null : link.stringValue().substring(baseUrl().length());
        }

        assertThat(ids).doesNotHaveDuplicates().isSorted().contains(kept).doesNotContain(deleted);
        assertThat(desk.agent().api().get("/api/v2/tickets/" + deleted + "/metrics").status()).isEqualTo(404);
        assertThat(desk.agent().api().get("/api/v2/ticket_metrics/" + deleted).status()).isEqualTo(404);
    }

    @Test
    void badInputIsAClientErrorInTheErrorFormatAndEndUsersAreRefusedFirst() {
        Account ann = desk.endUserIn(desk.aCustomer());
        ApiClient agent = desk.agent().api();

        Reply missing = agent.get("/api/v2/tickets/999999999/metrics");
        Reply badSize = agent.get("/api/v2/ticket_metrics?page[size]=0");
        Reply badCursor = agent.get("/api/v2/ticket_metrics?page[after]=nonsense");
        Reply notAnId = agent.get("/api/v2/ticket_metrics/abc");
        Reply endUserBadSize = ann.api().get("/api/v2/ticket_metrics?page[size]=0");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.at("/error").stringValue()).isEqualTo("RecordNotFound");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.at("/error").stringValue()).isEqualTo("InvalidPaginationParameter");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(notAnId.status()).isBetween(400, 404);
        assertThat(notAnId.at("/description").stringValue()).isNotBlank();
        assertThat(endUserBadSize.status()).as("authorized before validated").isEqualTo(403);
    }

    private long file(Account requester) {
        Reply created = requester.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"It crashes"},"ticket_form_id":%d}}""".formatted(SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    private static void expectOk(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    // the opening audit and comment at one time, everything written after them at another
    private void openedAtAndAnsweredAt(long ticket, Instant opened, Instant answered) {
        db.sql("update tickets set created_at = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(opened), Timestamp.from(answered), ticket).update();
        for (String table : List.of("ticket_audits", "ticket_comments")) {
            db.sql("update " + table + " set created_at = case when id = (select min(id) from " + table
                            + " where ticket_id = ?) then cast(? as timestamptz) else cast(? as timestamptz) end where ticket_id = ?")
                    .params(ticket, Timestamp.from(opened), Timestamp.from(answered), ticket).update();
        }
    }

    private static JsonNode metric(ApiClient api, String path) {
        return api.get(path + "/metrics").json().get("ticket_metric");
    }

    // the metric's times are whole seconds: the reassignment must land in a later second than the first assignment
    private static void nextSecond(Instant after) {
        while (!Instant.now().isAfter(after.plusSeconds(1))) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
