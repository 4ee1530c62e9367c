package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ALLIANCE_PARTNER_FORM;
import static org.partnerdesk.Desk.ALLIANCE_TICKET_ID;
import static org.partnerdesk.Desk.CUSTOMER_NAME;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.sla.Slas;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** TKT-5 agent queues, {@code GET /api/v2/views/tickets}: filters, the most urgent SLA first, keyset pages, staff only. */
class TicketQueueTest extends ApiTest {

    private static final String QUEUE = "/api/v2/views/tickets";

    @Autowired
    Slas slas;

    @Autowired
    JdbcClient db;

    @Test
    void eachFilterNarrowsTheQueueToTheTicketsThatMatch() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Org resellCo = desk.aPartner("open");
        Account sam = desk.endUserIn(resellCo);
        Account agent = desk.agent();
        long support = desk.groupId("Support");
        long annsOwn = file(ann.api(), "normal");
        long bySam = onBehalfOf(sam, ann);
        long pending = file(ann.api(), "low");
        change(pending, "{\"status\":\"pending\"}");
        long assigned = file(ann.api(), "high");
        change(assigned, "{\"assignee_id\":%d,\"group_id\":%d}".formatted(agent.id(), support));
        long needsOrg = file(desk.stranger().api(), "normal");
        change(needsOrg, "{\"assignee_id\":%d}".formatted(agent.id()));
        String atAcme = "organization_id=" + acme.id();

        assertThat(ids(atAcme)).containsExactlyInAnyOrder(annsOwn, bySam, pending, assigned);
        assertThat(ids(atAcme + "&status=pending,solved")).containsExactly(pending);
        assertThat(ids(atAcme + "&status=new,open")).contains(annsOwn, bySam).doesNotContain(pending);
        assertThat(ids(atAcme + "&group_id=" + support)).containsExactly(assigned);
        assertThat(ids(atAcme + "&assignee_id=none")).containsExactlyInAnyOrder(annsOwn, bySam, pending);
        assertThat(ids("assignee_id=" + agent.id())).containsExactlyInAnyOrder(assigned, needsOrg);
        assertThat(ids("assignee_id=" + agent.id() + "&flag=needs_org")).containsExactly(needsOrg);
        assertThat(ids("partner_id=" + resellCo.id())).containsExactly(bySam);
        assertThat(ids("partner_id=" + acme.id())).as("a customer is nobody's partner").isEmpty();
    }

    @Test
    void aTicketMovedToAnotherGroupOrAssigneeMovesBetweenTheSlaOrderedQueues() { // TKT-5: the clocks follow their ticket (V29)
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account agent = desk.agent();
        long support = desk.groupId("Support");
        long licensing = desk.groupId("Licensing");
        long id = file(ann.api(), "urgent");
        String atAcme = "sort=sla_due&organization_id=" + acme.id();
        change(id, "{\"group_id\":%d}".formatted(support));
        assertThat(ids(atAcme + "&group_id=" + support)).containsExactly(id);

        change(id, "{\"group_id\":%d,\"assignee_id\":%d}".formatted(licensing, agent.id()));

        assertThat(ids(atAcme + "&group_id=" + support)).isEmpty();
        assertThat(ids(atAcme + "&group_id=" + licensing)).containsExactly(id);
        assertThat(ids("sort=sla_due&assignee_id=" + agent.id())).containsExactly(id);
        assertThat(ids(atAcme + "&assignee_id=none")).isEmpty();
        assertThat(desk.admin.get(QUEUE + "?sort=sla_due&assignee_id=" + agent.id()).at("/tickets/0/sla_due_at").isNull()).isFalse();
    }

    @Test
    void aFlaggedTicketIsInTheFlagQueueInDueOrderUntilItsFlagIsCleared() { // TKT-5: the clocks carry the flags (V60)
        Org alliance = desk.aPartner("alliance");
        Account ally = desk.endUserIn(alliance);
        long low = unnamedAllianceTicket(ally, "low");
        long urgent = unnamedAllianceTicket(ally, "urgent");
        long paused = unnamedAllianceTicket(ally, "high");
        change(paused, "{\"status\":\"pending\"}");
        long named = unnamedAllianceTicket(ally, "urgent");
        change(named, "{\"custom_fields\":[%s]}".formatted(field(ALLIANCE_TICKET_ID, "ALLY-6")));
        String clarify = "sort=sla_due&flag=clarify&organization_id=" + alliance.id();

        assertThat(ids(clarify)).containsExactly(urgent, low, paused);
        assertThat(ids("sort=sla_due&organization_id=" + alliance.id())).containsExactly(urgent, named, low, paused);

        change(urgent, "{\"custom_fields\":[%s]}".formatted(field(ALLIANCE_TICKET_ID, "ALLY-7")));
        change(paused, "{\"custom_fields\":[%s]}".formatted(field(ALLIANCE_TICKET_ID, "ALLY-8")));

        assertThat(ids(clarify)).containsExactly(low);
        assertThat(ids("sort=sla_due&flag=clarify")).contains(low).doesNotContain(urgent, paused, named);
    }

    @Test
    void mostUrgentSlaComesFirstAndTicketsWithoutARunningClockLast() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        long paused = file(ann.api(), "urgent");
        change(paused, "{\"status\":\"pending\"}");
        long low = file(ann.api(), "low");
        long urgent = file(ann.api(), "urgent");

        Reply queue = desk.agent().api().get(QUEUE + "?organization_id=" + acme.id());

        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(ids(queue)).containsExactly(urgent, low, paused);
        List<JsonNode> tickets = queue.json().get("tickets").valueStream().toList();
        assertThat(Instant.parse(tickets.get(0).get("sla_due_at").stringValue()))
                .isBefore(Instant.parse(tickets.get(1).get("sla_due_at").stringValue()));
        assertThat(tickets.get(2).get("sla_due_at").isNull()).isTrue();
        assertThat(tickets.get(0).get("priority").stringValue()).isEqualTo("urgent");
    }

    @Test
    void aBreachedTicketStillAwaitingItsReplyComesFirstWithItsDueTime() { // TKT-5: the breach scan must not demote it
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        long urgent = file(ann.api(), "urgent");
        long breached = file(ann.api(), "low");
        // the low ticket's clock fell due ten minutes ago, and the breach scan has seen it (as it does every 30 s)
        db.sql("update ticket_slas set breach_at = now() - interval '10 minutes' where ticket_id = ? and achieved_at is null")
                .param(breached).update();
        slas.markBreaches(Instant.now());
        assertThat(db.sql("select stage from ticket_slas where ticket_id = ? and achieved_at is null").param(breached)
                .query(String.class).single()).isEqualTo("breached");

        Reply queue = desk.admin.get(QUEUE + "?organization_id=" + acme.id());

        assertThat(ids(queue)).containsExactly(breached, urgent);
        JsonNode first = queue.json().get("tickets").get(0);
        assertThat(Instant.parse(first.get("sla_due_at").stringValue())).isBefore(Instant.now().minusSeconds(9 * 60));
        assertThat(ids("sort=id&organization_id=" + acme.id())).containsExactly(urgent, breached);
        assertThat(desk.admin.get(QUEUE + "?sort=id&organization_id=" + acme.id()).at("/tickets/1/sla_due_at").isNull()).isFalse();
    }

    @Test
    void walkingEveryPageGivesEachMatchingTicketOnceInQueueOrder() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        List<Long> filed = new ArrayList<>();
        for (String priority : List.of("low", "urgent", "normal", "high", "urgent", "low", "normal")) {
            filed.add(file(ann.api(), priority));
        }
        change(filed.get(2), "{\"status\":\"pending\"}");
        change(filed.get(5), "{\"status\":\"pending\"}");
        desk.subscribe(desk.aCustomer(), "premium");

        for (String sort : List.of("", "&sort=sla_due", "&sort=id")) {
            String query = "organization_id=" + acme.id() + sort;
            List<JsonNode> whole = desk.admin.get(QUEUE + "?" + query).json().get("tickets").valueStream().toList();
            List<JsonNode> walked = walk(desk.admin, QUEUE + "?page[size]=2&" + query);

            assertThat(walked).extracting(t -> t.get("id").longValue()).as(query)
                    .containsExactlyElementsOf(whole.stream().map(t -> t.get("id").longValue()).toList())
                    .containsExactlyInAnyOrderElementsOf(filed)
                    .doesNotHaveDuplicates();
            if (sort.equals("&sort=id")) {
                assertThat(walked).extracting(t -> t.get("id").longValue()).isSorted();
            } else {
                assertThat(walked).isSortedAccordingTo(Comparator.comparing(TicketQueueTest::due,
                        Comparator.nullsLast(Comparator.<Instant>naturalOrder())).thenComparing(t -> t.get("id").longValue()));
            }
        }
    }

    @Test
    void onlyStaffSeeQueues() {
        Account ann = desk.endUserIn(desk.aCustomer());
        file(ann.api(), "normal");

        Reply endUser = ann.api().get(QUEUE);
        Reply partner = desk.endUserIn(desk.aPartner("select")).api().get(QUEUE);
        Reply anonymous = desk.anonymous().get(QUEUE);

        assertThat(endUser.status()).isEqualTo(403);
        assertThat(endUser.at("/error").stringValue()).isEqualTo("Forbidden");
        assertThat(partner.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(desk.agent().api().get(QUEUE + ".json?page[size]=1").status()).isEqualTo(200);
    }

    @Test
    void filterValuesTheQueueDoesNotKnowAreRefusedNamingTheField() {
        ApiClient agent = desk.agent().api();
        for (String bad : List.of("status=bogus", "status=open,bogus", "flag=bogus", "assignee_id=x", "group_id=support",
                "organization_id=1.5", "partner_id=acme", "sort=priority")) {
            Reply reply = agent.get(QUEUE + "?" + bad);
            String field = bad.substring(0, bad.indexOf('='));

            assertThat(reply.status()).as(bad + " " + reply).isEqualTo(400);
            assertThat(reply.at("/error").stringValue()).isEqualTo("InvalidParameter");
            assertThat(reply.at("/description").stringValue()).contains(field);
            assertThat(reply.at("/details/" + field + "/0/description").stringValue()).as(reply.toString()).isNotBlank();
        }
        assertThat(agent.get(QUEUE + "?page[after]=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
    }

    private List<JsonNode> walk(ApiClient api, String first) {
        List<JsonNode> seen = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            Reply page = api.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<JsonNode> tickets = page.json().get("tickets").valueStream().toList();
            assertThat(tickets).hasSizeLessThanOrEqualTo(2);
            seen.addAll(tickets);
            if (page.at("/meta/has_more").booleanValue()) {
                assertThat(page.at("/links/next").stringValue()).startsWith(baseUrl() + QUEUE + "?");
                next = page.at("/links/next").stringValue();
            } else {
                assertThat(page.at("/links/next").isNull()).isTrue();
                next = null;
            }
            assertThat(++pages).as("pages walked").isLessThanOrEqualTo(10);
        }
        return seen;
    }

    private static @Nullable Instant due(JsonNode ticket) {
        JsonNode due = ticket.get("sla_due_at");
        return due == null || due.isNull() ? null : Instant.parse(due.stringValue());
    }

    private List<Long> ids(String query) {
        Reply reply = desk.admin.get(QUEUE + "?page[size]=100&" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return ids(reply);
    }

    private static List<Long> ids(Reply reply) {
        return reply.json().get("tickets").valueStream().map(t -> t.get("id").longValue()).toList();
    }

    private void change(long ticketId, String ticketJson) {
        Reply reply = desk.admin.put("/api/v2/tickets/" + ticketId, "{\"ticket\":" + ticketJson + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static long file(ApiClient api, String priority) {
        Reply reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"Runner crashes","comment":{"body":"Every job fails"},"ticket_form_id":%d,"priority":"%s"}}"""
                .formatted(SUPPORT_FORM, priority));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("ticket");
    }

    /** ENT-6: an alliance ticket without the partner's own ticket id is flagged clarify and runs a Priority clock. */
    private long unnamedAllianceTicket(Account ally, String priority) {
        Reply reply = ally.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Pipeline fails","comment":{"body":"b"},"ticket_form_id":%d,"priority":"%s","custom_fields":[%s]}}"""
                .formatted(ALLIANCE_PARTNER_FORM, priority, field(CUSTOMER_NAME, "Umbrella Corp")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(desk.admin.get("/api/v2/tickets/" + reply.id("ticket") + "/entitlement").at("/entitlement/flags/0").stringValue())
                .isEqualTo("clarify");
        return reply.id("ticket");
    }

    /** ENT-1: the Open partner files for its customer's contact; the partner is the submitter. */
    private static long onBehalfOf(Account partner, Account customer) {
        Reply reply = partner.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"For a customer","comment":{"body":"b"},"ticket_form_id":%d,"custom_fields":[%s,%s]}}"""
                .formatted(OPEN_PARTNER_FORM, field(ORGANIZATION_EMAIL, customer.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id("ticket");
    }
}
