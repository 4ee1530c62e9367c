package org.partnerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.sla.BusinessCalendarTest.pacific;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.sla.domain.BusinessCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** TKT-3, TKT-4 and SPEC 7 {@code ?include=slas}: reply clocks of real tickets, through the API and the facade. */
@RecordApplicationEvents
class TicketSlaTest extends ApiTest {

    @Autowired
    Slas slas;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    ApplicationEvents events;

    @Test
    void premiumNormalTicketIsDueEightBusinessHoursAfterItWasCreated() {
        Account ann = customerOn("premium");

        Reply created = file(ann.api(), "normal");

        JsonNode metric = single(slas(created.id("ticket")));
        assertThat(metric.get("metric").stringValue()).isEqualTo("first_reply_time");
        assertThat(metric.get("stage").stringValue()).isEqualTo("active");
        Instant createdAt = Instant.parse(created.at("/ticket/created_at").stringValue());
        assertThat(Instant.parse(metric.get("breach_at").stringValue())).isEqualTo(calendar.plus(createdAt, Duration.ofHours(8)));
        assertThat(metric.get("minutes").longValue()).isBetween(8L * 60 - 1, 8L * 60);
    }

    @Test
    void licensingQuestionOfAFreeCustomerIsDueEightBusinessHoursLater() {
        Account gina = customerOn("free");

        Reply created = gina.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Renewal quote","comment":{"body":"We need a quote for 50 seats"},"ticket_form_id":360000071293}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode metric = single(slas(created.id("ticket")));
        Instant createdAt = Instant.parse(created.at("/ticket/created_at").stringValue());
        assertThat(Instant.parse(metric.get("breach_at").stringValue())).isEqualTo(calendar.plus(createdAt, Duration.ofHours(8)));
    }

    @Test
    void urgentTicketIsDueThirtyCalendarMinutesAfterItWasCreated() {
        Reply created = file(customerOn("ultimate").api(), "urgent");

        JsonNode metric = single(slas(created.id("ticket")));
        Instant createdAt = Instant.parse(created.at("/ticket/created_at").stringValue());
        assertThat(Instant.parse(metric.get("breach_at").stringValue())).isEqualTo(createdAt.plus(Duration.ofMinutes(30)));
    }

    @Test
    void urgentTicketRunsOnCalendarTimeThroughTheWeekend() {
        long id = ticketWithoutSla();

        slas.start(id, "priority", "urgent", pacific("2026-03-14T10:00"), false);

        assertThat(slas.metrics(id)).extracting(PolicyMetric::breachAt).containsExactly(pacific("2026-03-14T10:30"));
    }

    @Test
    void standardSupportTicketIsDueTwentyFourBusinessHoursLater() {
        Reply created = file(customerOn("starter").api(), "urgent");

        JsonNode metric = single(slas(created.id("ticket")));
        Instant createdAt = Instant.parse(created.at("/ticket/created_at").stringValue());
        assertThat(Instant.parse(metric.get("breach_at").stringValue())).isEqualTo(calendar.plus(createdAt, Duration.ofHours(24)));
    }

    @Test
    void freeCustomersAndTicketsThatNeedAnOrganizationHaveNoSla() {
        Reply free = file(customerOn("free").api(), "urgent");
        Reply needsOrg = file(desk.stranger().api(), "urgent");

        assertThat(slas(free.id("ticket"))).isEmpty();
        assertThat(slas(needsOrg.id("ticket"))).isEmpty();
    }

    @Test
    void endUsersDoNotSeeDueTimes() {
        Account ann = customerOn("premium");
        long id = file(ann.api(), "high").id("ticket");

        assertThat(ann.api().get("/api/v2/tickets/" + id + "?include=slas").at("/ticket/slas").isMissingNode()).isTrue();
    }

    @Test
    void pendingPausesTheClockAndLeavingPendingPushesTheDueTimeByThePausedBusinessTime() {
        long id = ticketWithoutSla();
        slas.start(id, "priority", "normal", pacific("2026-03-16T09:00"), false);

        slas.statusChanged(id, "pending", pacific("2026-03-16T10:00"));
        assertThat(slas.metrics(id)).extracting(PolicyMetric::stage, PolicyMetric::breachAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("paused", null));

        slas.statusChanged(id, "open", pacific("2026-03-16T12:30"));
        assertThat(slas.metrics(id)).extracting(PolicyMetric::stage, PolicyMetric::breachAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("active", pacific("2026-03-16T19:30")));
    }

    @Test
    void agentSettingPendingPausesAndTheRequestersReplyResumes() {
        Account ann = customerOn("premium");
        long id = file(ann.api(), "normal").id("ticket");
        Instant due = Instant.parse(single(slas(id)).get("breach_at").stringValue());
        ApiClient agent = desk.agent().api();

        assertThat(agent.put("/api/v2/tickets/" + id, """
                {"ticket":{"status":"pending"}}""").status()).isEqualTo(200);
        JsonNode paused = single(slas(id));
        assertThat(paused.get("stage").stringValue()).isEqualTo("paused");
        assertThat(paused.get("breach_at").isNull()).isTrue();

        assertThat(ann.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"Here are the logs"}}}""").status()).isEqualTo(200);
        JsonNode resumed = single(slas(id));
        assertThat(resumed.get("stage").stringValue()).isEqualTo("active");
        assertThat(Instant.parse(resumed.get("breach_at").stringValue())).isAfterOrEqualTo(due);
    }

    @Test
    void agentsPublicReplyAchievesTheFirstReplyAndTheRequestersAnswerStartsTheNextReplyClock() {
        Account ann = customerOn("premium");
        long id = file(ann.api(), "high").id("ticket");
        ApiClient agent = desk.agent().api();

        agent.put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"Internal: checking","public":false}}}""");
        assertThat(single(slas(id)).get("stage").stringValue()).isEqualTo("active");
        agent.put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"Please restart the runner"}}}""");
        assertThat(single(slas(id)).get("stage").stringValue()).isEqualTo("achieved");

        ann.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"Restarted, still failing"}}}""");
        ann.api().put("/api/v2/tickets/" + id, """
                {"ticket":{"comment":{"body":"And another detail"}}}""");

        List<JsonNode> metrics = slas(id);
        assertThat(metrics).extracting(m -> m.get("metric").stringValue() + ":" + m.get("stage").stringValue())
                .containsExactly("first_reply_time:achieved", "next_reply_time:active");
    }

    @Test
    void changingThePriorityRecomputesTheTargetFromCreation() {
        Reply created = file(customerOn("premium").api(), "low");
        long id = created.id("ticket");

        assertThat(desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"priority":"urgent","comment":{"body":"Raising to urgent: production is down.","public":true}}}""").status()).isEqualTo(200);

        Instant createdAt = Instant.parse(created.at("/ticket/created_at").stringValue());
        assertThat(Instant.parse(single(slas(id)).get("breach_at").stringValue())).isEqualTo(createdAt.plus(Duration.ofMinutes(30)));
    }

    @Test
    void breachScanMarksAnOverdueClockOnceAndAnnouncesIt() {
        long id = file(customerOn("premium").api(), "urgent").id("ticket");
        Instant due = Instant.parse(single(slas(id)).get("breach_at").stringValue());
        Instant later = due.plus(Duration.ofDays(400));

        List<SlaBreached> first = slas.markBreaches(later);
        List<SlaBreached> second = slas.markBreaches(later);

        assertThat(first).filteredOn(b -> b.ticketId() == id)
                .extracting(b -> new SlaBreached(b.ticketId(), b.metric(), b.breachAt().truncatedTo(ChronoUnit.SECONDS)))
                .containsExactly(new SlaBreached(id, "first_reply_time", due)); // the API shows whole seconds
        assertThat(second).filteredOn(b -> b.ticketId() == id).isEmpty();
        assertThat(events.stream(SlaBreached.class).filter(b -> b.ticketId() == id)).hasSize(1);
        assertThat(single(slas(id)).get("stage").stringValue()).isEqualTo("breached");
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/audits").json().get("audits").valueStream()
                .flatMap(a -> a.get("events").valueStream())
                .filter(e -> e.get("field_name").stringValue().equals("sla.first_reply_time"))
                .map(e -> e.get("value").stringValue()).toList()).containsExactly("breached");
    }

    // --- arranging, in the language of the desk ---

    private Account customerOn(String plan) {
        Org org = desk.aCustomer();
        desk.subscribe(org, plan);
        return desk.endUserIn(org);
    }

    private long ticketWithoutSla() {
        return file(customerOn("free").api(), null).id("ticket");
    }

    private Reply file(ApiClient api, @Nullable String priority) {
        String priorityJson = priority == null ? "null" : "\"" + priority + "\"";
        Reply reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job fails"},"ticket_form_id":%d,"priority":%s}}"""
                .formatted(SUPPORT_FORM, priorityJson));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    private List<JsonNode> slas(long ticketId) {
        Reply reply = desk.admin.get("/api/v2/tickets/" + ticketId + "?include=slas");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.at("/ticket/slas/policy_metrics").valueStream().toList();
    }

    private static JsonNode single(List<JsonNode> metrics) {
        assertThat(metrics).hasSize(1);
        return metrics.getFirst();
    }
}
