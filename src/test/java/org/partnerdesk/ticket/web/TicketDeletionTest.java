package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.Role;
import org.partnerdesk.attachment.FileStore;
import org.partnerdesk.attachment.Uploads;
import org.partnerdesk.sla.SlaBreached;
import org.partnerdesk.sla.Slas;
import org.partnerdesk.ticket.AgentView;
import org.partnerdesk.ticket.TicketDeletions;
import org.partnerdesk.ticket.TicketQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 item 5: {@code DELETE /tickets/{id}} moves a ticket to the bin, where it is in no read, list, queue, count or
 * search and its SLA clocks alert no one; {@code /deleted_tickets} lists, restores and purges it (a scrubbed tombstone).
 * Admins and Support Managers may; other agents and end users are refused, nobody signed in is 401.
 */
class TicketDeletionTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Autowired
    Slas slas;

    @Autowired
    TicketQueues queues;

    @Autowired
    TicketDeletions deletions;

    @Autowired
    FileStore files;

    @Test
    void aDeletedTicketIsGoneFromEveryReadListAndSearchAndComesBackWhenRestored() {
        String word = Desk.unique("Zorblax").replaceAll("[^A-Za-z0-9]", "");
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        long id = file(ann.api(), word + " runner crashes");
        long kept = file(ann.api(), word + " runner is slow");
        ApiClient manager = desk.supportManager();
        assertThat(searchIds(word)).contains(id, kept);

        Reply deleted = manager.delete("/api/v2/tickets/" + id);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(desk.admin.get("/api/v2/tickets/" + id).status()).isEqualTo(404);
        assertThat(ann.api().get("/api/v2/tickets/" + id).status()).isEqualTo(404);
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/comments").status()).isEqualTo(404);
        assertThat(desk.admin.put("/api/v2/tickets/" + id, "{\"ticket\":{\"status\":\"open\"}}").status()).isEqualTo(404);
        assertThat(ids(desk.admin.get("/api/v2/tickets/show_many?ids=" + id + "," + kept), "tickets")).containsExactly(kept);
        assertThat(ids(ann.api().get("/api/v2/tickets"), "tickets")).containsExactly(kept);
        assertThat(ids(desk.admin.get("/api/v2/views/tickets?organization_id=" + acme.id()), "tickets")).containsExactly(kept);
        assertThat(ids(desk.admin.get("/api/v2/views/tickets?sort=sla_due&organization_id=" + acme.id()), "tickets")).containsExactly(kept);
        assertThat(searchIds(word)).containsExactly(kept);
        assertThat(desk.admin.delete("/api/v2/tickets/" + id).status()).as("already in the bin").isEqualTo(404);

        Reply restored = manager.put("/api/v2/deleted_tickets/" + id + "/restore", "");

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.at("/ticket/id").longValue()).isEqualTo(id);
        assertThat(ann.api().get("/api/v2/tickets/" + id).status()).isEqualTo(200);
        assertThat(ids(ann.api().get("/api/v2/tickets"), "tickets")).containsExactlyInAnyOrder(id, kept);
        assertThat(ids(desk.admin.get("/api/v2/views/tickets?sort=sla_due&organization_id=" + acme.id()), "tickets")).contains(id, kept);
        assertThat(searchIds(word)).contains(id, kept);
        assertThat(ids(manager.get("/api/v2/deleted_tickets?page[size]=100&sort=-deleted_at"), "deleted_tickets")).doesNotContain(id);
        JsonNode events = desk.admin.get("/api/v2/tickets/" + id + "/audits").json().get("audits");
        List<String> statusChanges = events.valueStream().flatMap(a -> a.get("events").valueStream())
                .filter(e -> "status".equals(e.get("field_name").stringValue()) && "Change".equals(e.get("type").stringValue()))
                .map(e -> e.get("previous_value").asString() + "->" + e.get("value").asString()).toList();
        assertThat(statusChanges).containsSubsequence("new->deleted", "deleted->new");
    }

    @Test
    void theBinListsWhoDeletedWhatWhenInZendesksShapeSortedByDeletionTime() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long first = file(ann.api(), "First to go");
        long second = file(ann.api(), "Second to go");
        Account manager = desk.anAdmin();
        desk.addToGroup(manager, "Support Managers");
        assertThat(manager.api().delete("/api/v2/tickets/" + second).status()).isEqualTo(204);
        assertThat(desk.admin.delete("/api/v2/tickets/" + first).status()).isEqualTo(204);

        Reply newestFirst = manager.api().get("/api/v2/deleted_tickets?sort_by=deleted_at&sort_order=desc&page[size]=1");

        assertThat(newestFirst.status()).as(newestFirst.toString()).isEqualTo(200);
        JsonNode shown = newestFirst.at("/deleted_tickets/0");
        assertThat(shown.get("id").longValue()).isEqualTo(first);
        assertThat(shown.get("subject").stringValue()).isEqualTo("First to go");
        assertThat(shown.get("description").stringValue()).isEqualTo("It broke");
        assertThat(shown.get("previous_state").stringValue()).isEqualTo("new");
        assertThat(shown.at("/actor/name").stringValue()).isNotBlank();
        assertThat(Instant.parse(shown.get("deleted_at").stringValue())).isBefore(Instant.now().plusSeconds(5));
        assertThat(newestFirst.at("/meta/has_more").booleanValue()).isTrue();
        Reply next = manager.api().get(newestFirst.at("/links/next").stringValue().replaceFirst("^https?://[^/]+", ""));
        assertThat(next.at("/deleted_tickets/0/id").longValue()).isEqualTo(second);
        assertThat(next.at("/deleted_tickets/0/actor/id").longValue()).isEqualTo(manager.id());
        List<Long> byId = ids(manager.api().get("/api/v2/deleted_tickets?page[size]=100&sort_by=id&sort_order=desc"), "deleted_tickets");
        assertThat(byId.indexOf(second)).isLessThan(byId.indexOf(first)).isNotNegative();
    }

    @Test
    void onlyAdminsAndSupportManagersDeleteRestoreOrPurge() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long id = file(ann.api(), "Not yours to delete");
        Account agent = desk.agent();
        Account supportAgent = desk.agent();
        desk.addToGroup(supportAgent, "Support");
        Account managingAgent = desk.agent();
        desk.addToGroup(managingAgent, "Support Managers");

        for (ApiClient refused : List.of(agent.api(), supportAgent.api(), ann.api(), desk.endUserIn(desk.aPartner("open")).api())) {
            Reply reply = refused.delete("/api/v2/tickets/" + id);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.at("/error").stringValue()).isEqualTo("Forbidden");
            assertThat(refused.get("/api/v2/deleted_tickets").status()).isEqualTo(403);
            assertThat(refused.put("/api/v2/deleted_tickets/" + id + "/restore", "").status()).isEqualTo(403);
            assertThat(refused.delete("/api/v2/deleted_tickets/" + id).status()).isEqualTo(403);
            assertThat(refused.delete("/api/v2/tickets/destroy_many?ids=" + id).status()).isEqualTo(403);
        }
        assertThat(desk.anonymous().delete("/api/v2/tickets/" + id).status()).isEqualTo(401);
        assertThat(desk.anonymous().get("/api/v2/deleted_tickets").status()).isEqualTo(401);
        assertThat(ann.api().get("/api/v2/tickets/" + id).status()).as("refusals deleted nothing").isEqualTo(200);

        assertThat(managingAgent.api().delete("/api/v2/tickets/" + id).status()).as("an agent in Support Managers").isEqualTo(204);
    }

    @Test
    void aPurgedTicketIsAScrubbedTombstoneWithoutItsFiles() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Reply upload = Uploads.upload(ann.api(), "secret.txt", "text/plain", "the customer's secret".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        Reply filed = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"My password is hunter2","comment":{"body":"Secret body","uploads":["%s"]},"ticket_form_id":%d,
                 "tags":["secret"]}}""".formatted(upload.at("/upload/token").stringValue(), SUPPORT_FORM));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long id = filed.id("ticket");
        String key = db.sql("select storage_key from attachments where ticket_id = ?").param(id).query(String.class).single();
        ApiClient manager = desk.supportManager();
        assertThat(manager.delete("/api/v2/deleted_tickets/" + id).status()).as("only a ticket in the bin is purged").isEqualTo(404);
        assertThat(manager.delete("/api/v2/tickets/" + id).status()).isEqualTo(204);

        Reply purged = manager.delete("/api/v2/deleted_tickets/" + id);

        assertThat(purged.status()).as(purged.toString()).isEqualTo(204);
        var row = db.sql("select subject, description, tags::text, custom_fields::text, purged_at is not null as purged,"
                        + " deleted_at is not null as deleted, (select count(*) from ticket_comments c where c.ticket_id = t.id) as comments,"
                        + " (select count(*) from attachments a where a.ticket_id = t.id) as attachments from tickets t where id = ?")
                .param(id).query().singleRow();
        assertThat(row).containsEntry("subject", "SCRUBBED").containsEntry("description", "").containsEntry("tags", "{}")
                .containsEntry("custom_fields", "{}").containsEntry("purged", true).containsEntry("deleted", true)
                .containsEntry("comments", 0L).containsEntry("attachments", 0L);
        assertThatThrownBy(() -> files.open(key).close()).as("the stored file is deleted").isInstanceOf(Exception.class);
        assertThat(ids(manager.get("/api/v2/deleted_tickets?page[size]=100&sort=-deleted_at"), "deleted_tickets")).doesNotContain(id);
        assertThat(manager.put("/api/v2/deleted_tickets/" + id + "/restore", "").status()).as("a tombstone stays").isEqualTo(404);
        assertThat(searchIds("hunter2")).doesNotContain(id);
    }

    @Test
    void theDailyPurgeScrubsTicketsDeletedMoreThanThirtyDaysAgoOnly() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long old = file(ann.api(), "Deleted long ago");
        long recent = file(ann.api(), "Deleted yesterday");
        ApiClient manager = desk.supportManager();
        assertThat(manager.delete("/api/v2/tickets/" + old).status()).isEqualTo(204);
        assertThat(manager.delete("/api/v2/tickets/" + recent).status()).isEqualTo(204);
        db.sql("update tickets set deleted_at = now() - interval '31 days' where id = ?").param(old).update();
        db.sql("update tickets set deleted_at = now() - interval '1 day' where id = ?").param(recent).update();

        while (deletions.purgeExpired(Instant.now()) > 0) {
            // every expired ticket in the bin, the other tests' too
        }

        assertThat(subjectOf(old)).isEqualTo("SCRUBBED");
        assertThat(subjectOf(recent)).isEqualTo("Deleted yesterday");
    }

    @Test
    void aDeletedTicketsSlaClockAlertsNoOneAndItLeavesTheViewCounts() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account agent = desk.agent();
        long id = file(ann.api(), "Urgent and then deleted", "urgent");
        assertThat(desk.admin.put("/api/v2/tickets/" + id, "{\"ticket\":{\"assignee_id\":%d}}".formatted(agent.id())).status()).isEqualTo(200);
        Actor agentActor = new Actor(agent.id(), agent.email(), Role.AGENT, null, Set.of());
        long mineBefore = queues.counts(agentActor).get(AgentView.MINE);

        assertThat(desk.supportManager().delete("/api/v2/tickets/" + id).status()).isEqualTo(204);

        assertThat(queues.counts(agentActor).get(AgentView.MINE)).isEqualTo(mineBefore - 1);
        List<SlaBreached> breaches = slas.markBreaches(Instant.now().plus(Duration.ofDays(60)));
        assertThat(breaches).noneMatch(b -> b.ticketId() == id);
        assertThat(db.sql("select count(*) from ticket_slas where ticket_id = ? and stage = 'active'").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void badDeletionRequestsAreRefusedInTheErrorFormat() {
        ApiClient manager = desk.supportManager();
        for (String path : List.of("/api/v2/deleted_tickets?sort_by=subject", "/api/v2/deleted_tickets?sort_order=sideways",
                "/api/v2/deleted_tickets?page[after]=bogus", "/api/v2/deleted_tickets?page[size]=0")) {
            Reply reply = manager.get(path);
            assertThat(reply.status()).as(path + " " + reply).isEqualTo(400);
            assertThat(reply.at("/description").stringValue()).isNotBlank();
        }
        for (String path : List.of("/api/v2/tickets/destroy_many", "/api/v2/tickets/destroy_many?ids=1,x")) {
            Reply reply = manager.delete(path);
            assertThat(reply.status()).as(path + " " + reply).isEqualTo(400);
            assertThat(reply.at("/error").stringValue()).isEqualTo("InvalidParameter");
        }
        assertThat(manager.delete("/api/v2/tickets/999999999").status()).isEqualTo(404);
        assertThat(manager.put("/api/v2/deleted_tickets/999999999/restore", "").status()).isEqualTo(404);
        assertThat(manager.delete("/api/v2/deleted_tickets/999999999").status()).isEqualTo(404);
        assertThat(manager.delete("/api/v2/tickets/abc").status()).isEqualTo(400);
    }

    @Test
    void destroyManyMovesEachTicketToTheBin() {
        Account ann = desk.endUserIn(desk.aCustomer());
        long one = file(ann.api(), "One of many");
        long two = file(ann.api(), "Two of many");

        Reply reply = desk.supportManager().delete("/api/v2/tickets/destroy_many?ids=" + one + "," + two);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.at("/job_status/status").stringValue()).isEqualTo("completed");
        assertThat(reply.at("/job_status/results").valueStream().map(r -> r.get("id").longValue())).containsExactly(one, two);
        assertThat(ids(ann.api().get("/api/v2/tickets"), "tickets")).isEmpty();
    }

    private String subjectOf(long id) {
        return db.sql("select subject from tickets where id = ?").param(id).query(String.class).single();
    }

    private List<Long> searchIds(String query) {
        Reply reply = desk.admin.get("/api/v2/search?query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("results").valueStream().map(r -> r.get("id").longValue()).toList();
    }

    static long file(ApiClient requester, String subject) {
        return file(requester, subject, "normal");
    }

    static long file(ApiClient requester, String subject, String priority) {
        Reply filed = requester.post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"It broke"},"ticket_form_id":%d,"priority":"%s"}}"""
                .formatted(subject, SUPPORT_FORM, priority));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.id("ticket");
    }

    private static List<Long> ids(Reply reply, String root) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get(root).valueStream().map(t -> t.get("id").longValue()).toList();
    }
}
