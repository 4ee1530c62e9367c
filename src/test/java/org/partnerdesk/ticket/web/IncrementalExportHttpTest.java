package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17: Zendesk's incremental exports over real HTTP. Each test moves its own records' change times to seconds of
 * its own in 2001 (what the desk stamped is "now"), so an export from there starts with exactly those records.
 */
class IncrementalExportHttpTest extends ApiTest {

    /** Each test's own stretch of 2001: 100,000 s apart, after a random start so runs do not meet. */
    private static final AtomicLong STRETCHES = new AtomicLong(978_307_200L + ThreadLocalRandom.current().nextLong(100) * 100_000L);

    @Autowired
    JdbcClient db;

    private final long t = STRETCHES.addAndGet(100_000L);

    @Test
    void cursorExportWalksTheTicketsInTheOrderTheyChangedEachOnceAsGetTicketShowsThem() {
        long a = aTicket(), b = aTicket(), c = aTicket();
        changedAt("tickets", a, t + 10);
        changedAt("tickets", b, t + 5);
        changedAt("tickets", c, t + 5);

        Reply first = desk.admin.get("/api/v2/incremental/tickets/cursor.json?start_time=" + t + "&per_page=2");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(ids(first, "tickets")).containsExactly(b, c);
        assertThat(first.at("/tickets/0")).isEqualTo(desk.admin.get("/api/v2/tickets/" + b).at("/ticket"));
        assertThat(first.at("/end_of_stream").booleanValue()).isFalse();
        String afterCursor = first.at("/after_cursor").stringValue();
        assertThat(first.at("/after_url").stringValue()).contains("/api/v2/incremental/tickets/cursor.json?cursor=" + afterCursor);
        Reply second = desk.admin.get(first.at("/after_url").stringValue());
        assertThat(ids(second, "tickets").getFirst()).isEqualTo(a);
        assertThat(ids(second, "tickets")).doesNotContain(b, c);
        assertThat(ids(desk.admin.get("/api/v2/incremental/tickets/cursor?start_time=" + (t + 6) + "&per_page=1"), "tickets"))
                .containsExactly(a);
    }

    @Test
    void cursorExportEndsTheStreamWithACursorForTheNextPoll() {
        long a = aTicket();
        changedAt("tickets", a, t + 1);
        List<Long> seen = new ArrayList<>();
        Reply page = desk.admin.get("/api/v2/incremental/tickets/cursor?start_time=" + t);
        seen.addAll(ids(page, "tickets"));
        while (!page.at("/end_of_stream").booleanValue()) {
            assertThat(seen.size()).as("the export ends").isLessThan(1_000_000);
            page = desk.admin.get(page.at("/after_url").stringValue());
            seen.addAll(ids(page, "tickets"));
        }
        assertThat(seen).startsWith(a).doesNotHaveDuplicates();

        // a ticket changed just after the last one exported: the next poll, from the stream's last cursor, brings only it
        long later = aTicket();
        db.sql("update tickets set updated_at = (select updated_at from tickets where id = ?) + interval '1 microsecond' where id = ?")
                .params(seen.getLast(), later).update();
        Reply nextPoll = desk.admin.get("/api/v2/incremental/tickets/cursor?cursor=" + page.at("/after_cursor").stringValue());
        assertThat(ids(nextPoll, "tickets")).startsWith(later).doesNotContain(a);
    }

    @Test
    void aChangeOfTheLastMinuteWaitsForTheNextPoll() { // a change stamped now may still commit after a later one
        long start = Instant.now().minusSeconds(300).getEpochSecond();
        long fresh = aTicket();

        assertThat(allIds("/api/v2/incremental/tickets/cursor?start_time=" + start)).doesNotContain(fresh);
        changedAt("tickets", fresh, Instant.now().minusSeconds(61).getEpochSecond());
        assertThat(allIds("/api/v2/incremental/tickets/cursor?start_time=" + start)).contains(fresh);
    }

    @Test
    void deletedTicketIsExportedAsDeletedAndAPurgedOneAsATombstoneWithoutContent() {
        long deleted = aTicket(), purged = aTicket();
        Instant stamped = db.sql("select updated_at from tickets where id = ?").param(deleted).query(Timestamp.class).single().toInstant();
        db.sql("update tickets set deleted_at = now() where id = ?").param(deleted).update();
        db.sql("update tickets set deleted_at = now(), purged_at = now() where id = ?").param(purged).update();
        // V96: a deletion is a change, whoever makes it
        assertThat(db.sql("select updated_at from tickets where id = ?").param(deleted).query(Timestamp.class).single().toInstant())
                .isAfter(stamped);
        changedAt("tickets", deleted, t + 1);
        changedAt("tickets", purged, t + 2);

        Reply page = desk.admin.get("/api/v2/incremental/tickets/cursor?start_time=" + t + "&per_page=2");

        assertThat(ids(page, "tickets")).containsExactly(deleted, purged);
        assertThat(page.at("/tickets/0/status").stringValue()).isEqualTo("deleted");
        assertThat(page.at("/tickets/0/subject").stringValue()).startsWith("Export");
        JsonNode tombstone = page.at("/tickets/1");
        assertThat(tombstone.get("status").stringValue()).isEqualTo("deleted");
        assertThat(tombstone.has("subject")).isFalse();
        assertThat(tombstone.has("description")).isFalse();
        assertThat(ids(desk.admin.get("/api/v2/incremental/tickets?start_time=" + t + "&per_page=2"), "tickets"))
                .containsExactly(deleted, purged);
    }

    @Test
    void aTicketWithFieldsTagsCcsAndAnInternalDescriptionIsExportedAsGetTicketShowsItAndDeletedWithTheSameContent() {
        Account partner = desk.endUserIn(desk.aPartner("open"));
        Account customer = desk.endUserIn(desk.aCustomer());
        Account cc = desk.endUserIn(desk.aPartner("open"));
        Reply filed = partner.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"Cluster down"},"ticket_form_id":%d,"priority":"high","type":"incident",
                 "tags":["Export Me","vip"],"email_ccs":[{"user_email":"%s"}],"custom_fields":[%s,%s]}}"""
                .formatted(Desk.unique("Rich"), Desk.OPEN_PARTNER_FORM, cc.email(), TicketIntakeTest.field(Desk.ORGANIZATION_EMAIL, customer.email()),
                        TicketIntakeTest.field(Desk.PARTNER_ENGAGEMENT, "on_behalf_of_customer")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long rich = filed.id("ticket");
        Reply internal = desk.admin.post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"Staff only","public":false},"requester_id":%d,"ticket_form_id":%d}}"""
                .formatted(Desk.unique("Internal"), customer.id(), Desk.SUPPORT_FORM));
        assertThat(internal.status()).as(internal.toString()).isEqualTo(201);
        long staffOnly = internal.id("ticket");
        changedAt("tickets", rich, t + 1);
        changedAt("tickets", staffOnly, t + 2);
        JsonNode richAsShown = desk.admin.get("/api/v2/tickets/" + rich).at("/ticket");
        JsonNode staffOnlyAsShown = desk.admin.get("/api/v2/tickets/" + staffOnly).at("/ticket");

        Reply page = desk.admin.get("/api/v2/incremental/tickets/cursor?start_time=" + t + "&per_page=2");

        assertThat(ids(page, "tickets")).containsExactly(rich, staffOnly);
        assertThat(page.at("/tickets/0")).isEqualTo(richAsShown);
        assertThat(page.at("/tickets/1")).isEqualTo(staffOnlyAsShown);
        assertThat(page.at("/tickets/0/tags").valueStream().map(JsonNode::stringValue).toList()).containsExactly("export_me", "vip");
        assertThat(page.at("/tickets/0/collaborator_ids").valueStream().map(JsonNode::longValue).toList()).containsExactly(cc.id());
        assertThat(page.at("/tickets/0/priority").stringValue()).isEqualTo("high");
        assertThat(page.at("/tickets/1/description").stringValue()).isEqualTo("Staff only");
        assertThat(page.at("/tickets/0/custom_fields").valueStream()
                .filter(f -> f.get("id").longValue() == Desk.PARTNER_ENGAGEMENT).findFirst().orElseThrow().get("value").stringValue())
                .isEqualTo("on_behalf_of_customer");

        db.sql("update tickets set deleted_at = now() where id = ?").param(rich).update();
        changedAt("tickets", rich, t + 3);
        JsonNode deleted = desk.admin.get("/api/v2/incremental/tickets/cursor?start_time=" + (t + 3) + "&per_page=1").at("/tickets/0");
        assertThat(deleted.get("status").stringValue()).isEqualTo("deleted");
        assertThat(deleted.get("updated_at").stringValue()).isNotEqualTo(richAsShown.get("updated_at").stringValue());
        ((tools.jackson.databind.node.ObjectNode) deleted).put("status", richAsShown.get("status").stringValue())
                .put("updated_at", richAsShown.get("updated_at").stringValue());
        assertThat(deleted).as("a deleted ticket keeps its content").isEqualTo(richAsShown);
    }

    @Test
    void timeBasedExportPagesFromEndTimeAndGivesASecondWholeWhenAFullPageSharesIt() {
        long a = aTicket(), b = aTicket(), c = aTicket(), d = aTicket(), e = aTicket();
        changedAt("tickets", a, t + 1);
        changedAt("tickets", b, t + 2);
        changedAt("tickets", c, t + 2);
        changedAt("tickets", d, t + 2);
        changedAt("tickets", e, t + 3);

        Reply first = desk.admin.get("/api/v2/incremental/tickets.json?start_time=" + t + "&per_page=2");

        assertThat(ids(first, "tickets")).containsExactly(a, b);
        assertThat(first.at("/count").intValue()).isEqualTo(2);
        assertThat(first.at("/end_time").longValue()).isEqualTo(t + 2); // the last second may come again, as in Zendesk
        assertThat(first.at("/end_of_stream").booleanValue()).isFalse();
        assertThat(first.at("/next_page").stringValue()).contains("/api/v2/incremental/tickets").contains("start_time=" + (t + 2))
                .contains("per_page=2");
        Reply second = desk.admin.get(first.at("/next_page").stringValue());
        assertThat(ids(second, "tickets")).containsExactly(b, c, d); // a full page in its first second: the second whole
        assertThat(second.at("/count").intValue()).isEqualTo(3);
        assertThat(second.at("/end_time").longValue()).isEqualTo(t + 3);
        assertThat(ids(desk.admin.get(second.at("/next_page").stringValue()), "tickets").getFirst()).isEqualTo(e);
    }

    @Test
    void ticketEventsAreTheAuditsInTheOrderTheyWereMadeWithTheirChanges() {
        long ticket = aTicket();
        assertThat(desk.admin.put("/api/v2/tickets/" + ticket, """
                {"ticket":{"status":"open","comment":{"body":"On it","public":false}}}""").status()).isEqualTo(200);
        List<Long> audits = db.sql("select id from ticket_audits where ticket_id = ? order by id").param(ticket).query(Long.class).list();
        assertThat(audits).hasSize(2);
        changedAt("ticket_audits", audits.get(0), t + 1);
        changedAt("ticket_audits", audits.get(1), t + 2);

        Reply page = desk.admin.get("/api/v2/incremental/ticket_events?start_time=" + t + "&per_page=2");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(ids(page, "ticket_events")).containsExactlyElementsOf(audits);
        JsonNode change = page.at("/ticket_events/1");
        assertThat(change.get("ticket_id").longValue()).isEqualTo(ticket);
        assertThat(change.get("event_type").stringValue()).isEqualTo("Audit");
        assertThat(change.get("timestamp").longValue()).isEqualTo(t + 2);
        assertThat(change.get("updater_id").longValue()).isPositive();
        assertThat(change.get("child_events")).anySatisfy(child -> {
            assertThat(child.get("event_type").stringValue()).isEqualTo("Change");
            assertThat(child.get("status").stringValue()).isEqualTo("open");
            assertThat(child.get("previous_value").stringValue()).isEqualTo("new");
        });
        assertThat(change.get("child_events")).anySatisfy(child -> {
            assertThat(child.get("event_type").stringValue()).isEqualTo("Comment");
            assertThat(child.get("comment_public").booleanValue()).isFalse();
        });
        assertThat(page.at("/end_time").longValue()).isEqualTo(t + 2);
    }

    @Test
    void aDeletedTicketsEventsStopAtItsDeletion() {
        long ticket = aTicket();
        long audit = db.sql("select id from ticket_audits where ticket_id = ?").param(ticket).query(Long.class).single();
        changedAt("ticket_audits", audit, t + 1);
        db.sql("update tickets set deleted_at = now() where id = ?").param(ticket).update();

        Reply page = desk.admin.get("/api/v2/incremental/ticket_events?start_time=" + t + "&per_page=5");

        assertThat(page.json().get("ticket_events").findValues("ticket_id").stream().map(JsonNode::longValue)).doesNotContain(ticket);
    }

    @Test
    void usersAndOrganizationsAreExportedInTheOrderTheyChanged() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme), bob = desk.endUserIn(acme);
        changedAt("users", bob, t + 1);
        changedAt("users", ann.id(), t + 2);
        changedAt("organizations", acme.id(), t + 1);

        Reply users = desk.admin.get("/api/v2/incremental/users/cursor?start_time=" + t + "&per_page=1");
        assertThat(ids(users, "users")).containsExactly(bob.id());
        assertThat(users.at("/users/0")).isEqualTo(desk.admin.get("/api/v2/users/" + bob.id()).at("/user"));
        assertThat(ids(desk.admin.get(users.at("/after_url").stringValue()), "users")).containsExactly(ann.id());
        Reply byTime = desk.admin.get("/api/v2/incremental/users.json?start_time=" + t + "&per_page=2");
        assertThat(ids(byTime, "users")).containsExactly(bob.id(), ann.id());
        assertThat(byTime.at("/end_time").longValue()).isEqualTo(t + 2);
        Reply organizations = desk.admin.get("/api/v2/incremental/organizations?start_time=" + t + "&per_page=1");
        assertThat(ids(organizations, "organizations")).containsExactly(acme.id());
        assertThat(organizations.at("/organizations/0")).isEqualTo(desk.admin.get("/api/v2/organizations/" + acme.id()).at("/organization"));
        assertThat(organizations.at("/count").intValue()).isEqualTo(1);
    }

    @Test
    void badStartTimesCursorsAndPageSizesAreRefusedInTheErrorShape() {
        String future = Long.toString(Instant.now().plusSeconds(3600).getEpochSecond());
        record Bad(String path, int status, String error) {
        }
        List<Bad> bad = List.of(
                new Bad("/api/v2/incremental/tickets/cursor", 400, "InvalidParameter"),
                new Bad("/api/v2/incremental/tickets/cursor?start_time=yesterday", 400, "InvalidParameter"),
                new Bad("/api/v2/incremental/tickets/cursor?start_time=" + future, 422, "RecordInvalid"),
                new Bad("/api/v2/incremental/tickets.json?start_time=" + future, 422, "RecordInvalid"),
                new Bad("/api/v2/incremental/ticket_events?start_time=-1", 422, "RecordInvalid"),
                new Bad("/api/v2/incremental/users?start_time=1.5", 400, "InvalidParameter"),
                new Bad("/api/v2/incremental/organizations", 400, "InvalidParameter"),
                new Bad("/api/v2/incremental/tickets/cursor?cursor=bm90LW91cnM", 400, "InvalidPaginationParameter"),
                new Bad("/api/v2/incremental/users/cursor?cursor=%25%25", 400, "InvalidPaginationParameter"),
                new Bad("/api/v2/incremental/tickets/cursor?start_time=0&per_page=0", 400, "InvalidPaginationParameter"),
                new Bad("/api/v2/incremental/tickets.json?start_time=0&per_page=1001", 400, "InvalidPaginationParameter"));

        for (Bad call : bad) {
            Reply reply = desk.admin.get(call.path());
            assertThat(reply.status()).as(call.path() + " -> " + reply).isEqualTo(call.status());
            assertThat(reply.at("/error").stringValue()).as(call.path()).isEqualTo(call.error());
            assertThat(reply.at("/description").stringValue()).isNotBlank();
        }
        assertThat(desk.admin.get("/api/v2/incremental/tickets/cursor?start_time=" + future).at("/details/start_time/0/error").stringValue())
                .isEqualTo("invalid_value");
    }

    @Test
    void onlyAdminsExportAndTheyAreAskedBeforeTheRequestIsChecked() {
        Account agent = desk.agent();
        Account customer = desk.endUserIn(desk.aCustomer());

        for (String path : List.of("/api/v2/incremental/tickets/cursor?start_time=yesterday", "/api/v2/incremental/tickets?start_time=0",
                "/api/v2/incremental/ticket_events?start_time=0", "/api/v2/incremental/users/cursor?cursor=junk",
                "/api/v2/incremental/users?start_time=0", "/api/v2/incremental/organizations?per_page=5000")) {
            assertThat(agent.api().get(path).status()).as(path).isEqualTo(403);
            assertThat(customer.api().get(path).status()).as(path).isEqualTo(403);
            assertThat(desk.anonymous().get(path).status()).as(path).isEqualTo(401);
        }
    }

    private long aTicket() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Reply created = desk.admin.post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"Export me"},"requester_id":%d,"ticket_form_id":%d}}"""
                .formatted(Desk.unique("Export"), ann.id(), Desk.SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    private void changedAt(String table, Account account, long epochSecond) {
        changedAt(table, account.id(), epochSecond);
    }

    // the time the export orders by: tickets, users and organizations by updated_at, audits by created_at
    private void changedAt(String table, long id, long epochSecond) {
        String column = table.equals("ticket_audits") ? "created_at" : "updated_at";
        int changed = db.sql("update " + table + " set " + column + " = ? where id = ?")
                .params(Timestamp.from(Instant.ofEpochSecond(epochSecond)), id).update();
        assertThat(changed).isEqualTo(1);
    }

    private List<Long> allIds(String path) {
        List<Long> ids = new ArrayList<>();
        Reply page = desk.admin.get(path);
        ids.addAll(ids(page, "tickets"));
        while (!page.at("/end_of_stream").booleanValue()) {
            page = desk.admin.get(page.at("/after_url").stringValue());
            ids.addAll(ids(page, "tickets"));
        }
        return ids;
    }

    private static List<Long> ids(Reply reply, String root) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get(root).valueStream().map(item -> item.get("id").longValue()).toList();
    }
}
