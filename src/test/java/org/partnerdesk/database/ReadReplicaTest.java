package org.partnerdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.PageSession;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #18: lag-tolerant reads on a second PostgreSQL. The stand-in holds a copy of the primary's rows with one ticket's
 * subject and one user's name changed on it alone, so each answer shows which server it was read from.
 */
@DirtiesContext // the stand-in is stopped by the last test; no other test may reuse this context
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest extends ApiTest {

    private static final ReplicaStandIn STAND_IN = ReplicaStandIn.start();
    private static final Duration OWN_WRITES = Duration.ofSeconds(3);

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        registry.add("partnerdesk.read-replica.url", STAND_IN::jdbcUrl);
        registry.add("partnerdesk.read-replica.own-writes", () -> OWN_WRITES.toSeconds() + "s");
    }

    @AfterAll
    static void stopStandIn() {
        STAND_IN.stop();
    }

    @Autowired
    LocalPostgres primary;
    @Autowired
    ReadReplica replica;
    @Autowired
    Passwords passwords;

    private String word;
    private long ticket;
    private Account requester;
    private Account reader;

    /** A ticket and a user, copied to the stand-in, there renamed; and an agent who wrote nothing, to read them. */
    @BeforeEach
    void aReplicaThatDiffersFromThePrimary() throws Exception {
        word = Desk.unique("onprimary").replace("-", "");
        requester = desk.endUserIn(desk.aCustomer());
        Reply created = desk.admin.post("/api/v2/tickets", """
                {"ticket":{"subject":"%s printer","comment":{"body":"It jams"},"requester_id":%d,"ticket_form_id":%d}}"""
                .formatted(word, requester.id(), Desk.SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ticket = created.id("ticket");
        reader = desk.agent();
        STAND_IN.copyFrom(primary);
        // a minute old, so an export (which ends a second before now) reaches them
        STAND_IN.execute("update tickets set subject = ?, updated_at = now() - interval '1 minute' where id = ?",
                "onreplica" + word + " printer", ticket);
        STAND_IN.execute("update users set name = ?, updated_at = now() - interval '1 minute' where id = ?", "Replica Name", requester.id());
        Instant deadline = Instant.now().plusSeconds(10);
        while (!replica.lag().isInUse() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(replica.lag().isInUse()).isTrue();
    }

    @Test
    @Order(1)
    void searchReadsTheReplicaAndShowsTheTicketAsThePrimaryHasIt() {
        Reply onReplica = reader.api().get("/api/v2/search?query=onreplica" + word);
        Reply onPrimaryOnly = reader.api().get("/api/v2/search?query=" + word);

        assertThat(onReplica.status()).as(onReplica.toString()).isEqualTo(200);
        assertThat(onReplica.at("/count").longValue()).isEqualTo(1);
        assertThat(onReplica.at("/results/0/id").longValue()).isEqualTo(ticket);
        assertThat(onReplica.at("/results/0/subject").stringValue()).isEqualTo(word + " printer");
        assertThat(onPrimaryOnly.at("/count").longValue()).isZero();
    }

    @Test
    @Order(2)
    void incrementalExportsReadTheReplica() {
        ApiClient exporter = desk.anAdmin().api();
        long since = Instant.now().minusSeconds(600).getEpochSecond();

        Reply tickets = exporter.get("/api/v2/incremental/tickets/cursor?start_time=" + since + "&per_page=1000");
        Reply users = exporter.get("/api/v2/incremental/users/cursor?start_time=" + since + "&per_page=1000");

        assertThat(tickets.status()).as(tickets.toString()).isEqualTo(200);
        assertThat(tickets.json().get("tickets").valueStream().filter(t -> t.get("id").longValue() == ticket)
                .map(t -> t.get("subject").stringValue())).containsExactly("onreplica" + word + " printer");
        assertThat(users.json().get("users").valueStream().filter(u -> u.get("id").longValue() == requester.id())
                .map(u -> u.get("name").stringValue())).containsExactly("Replica Name");
    }

    @Test
    @Order(3)
    void aPersonWhoJustWroteReadsThePrimaryUntilTheirWindowEnds() throws Exception {
        Reply wrote = reader.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"comment":{"body":"Looking into it","public":false}}}""");
        assertThat(wrote.status()).as(wrote.toString()).isEqualTo(200);

        Reply justAfter = reader.api().get("/api/v2/search?query=" + word);
        Reply someoneElse = desk.agent().api().get("/api/v2/search?query=" + word);
        Reply withTheCookie = desk.agent().api().withHeader("Cookie", RecentWriters.COOKIE + "=1").get("/api/v2/search?query=" + word);

        assertThat(wrote.header("Set-Cookie")).startsWith(RecentWriters.COOKIE + "=1").contains("Max-Age=" + OWN_WRITES.toSeconds());
        assertThat(justAfter.at("/count").longValue()).as("the writer reads the primary").isEqualTo(1);
        assertThat(someoneElse.at("/count").longValue()).as("another agent reads the replica").isZero();
        assertThat(withTheCookie.at("/count").longValue()).as("a browser that wrote on another node reads the primary").isEqualTo(1);
        Thread.sleep(OWN_WRITES.plusMillis(500).toMillis());
        assertThat(reader.api().get("/api/v2/search?query=" + word).at("/count").longValue()).as("after the window").isZero();
    }

    @Test
    @Order(4)
    void theTicketTheQueueAndEveryWriteUseThePrimaryWhileTheQueueCountsReadTheReplica() throws Exception {
        PageSession console = PageSession.signedIn(baseUrl(), passwords, reader);
        Thread.sleep(OWN_WRITES.plusMillis(500).toMillis()); // signing in was a write
        long countedOnReplica = count(console.get("/agent/queue-counts?view=unassigned").body(), "unassigned");
        Reply another = desk.admin.post("/api/v2/tickets", """
                {"ticket":{"subject":"Only on the primary","comment":{"body":"New"},"requester_id":%d,"ticket_form_id":%d}}"""
                .formatted(requester.id(), Desk.SUPPORT_FORM));

        Reply shown = reader.api().get("/api/v2/tickets/" + ticket);
        Reply queue = reader.api().get("/api/v2/views/tickets?assignee_id=none&page[size]=100");
        long countedLater = count(console.get("/agent/queue-counts?view=unassigned").body(), "unassigned");
        Reply renamed = reader.api().put("/api/v2/tickets/" + ticket, """
                {"ticket":{"subject":"%s renamed"}}""".formatted(word));

        assertThat(shown.at("/ticket/subject").stringValue()).isEqualTo(word + " printer");
        assertThat(queue.json().get("tickets").valueStream().map(t -> t.get("id").longValue())).contains(another.id("ticket"));
        assertThat(countedLater).as("the counts lag a moment behind").isEqualTo(countedOnReplica);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket).at("/ticket/subject").stringValue()).isEqualTo(word + " renamed");
    }

    @Test
    @Order(5)
    void operatorsSeeTheReplicasStateInItsOwnHealthGroupAndItsLagInTheMetrics() {
        Reply replicaHealth = desk.anonymous().get("/actuator/health/replica");
        Reply scraped = desk.admin.withHeader("Accept", "text/plain").get("/actuator/prometheus");

        assertThat(replicaHealth.status()).as(replicaHealth.toString()).isEqualTo(200);
        assertThat(replicaHealth.at("/status").stringValue()).isEqualTo("UP");
        assertThat(scraped.text()).containsPattern("(?m)^partnerdesk_replica_lag_seconds(\\{[^}]*})? 0\\.0$")
                .containsPattern("(?m)^partnerdesk_replica_in_use(\\{[^}]*})? 1\\.0$");
    }

    @Test
    @Order(Integer.MAX_VALUE) // stops the stand-in
    void withTheReplicaStoppedReadsFallBackToThePrimaryNeverAnError() throws Exception {
        STAND_IN.stop();

        Reply atOnce = desk.agent().api().get("/api/v2/search?query=" + word);
        Instant deadline = Instant.now().plusSeconds(10);
        while (replica.lag().isInUse() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        Reply later = desk.agent().api().get("/api/v2/search?query=" + word);
        Reply export = desk.anAdmin().api().get("/api/v2/incremental/tickets/cursor?start_time=" + Instant.now().minusSeconds(600).getEpochSecond());

        assertThat(atOnce.status()).as(atOnce.toString()).isEqualTo(200);
        assertThat(atOnce.at("/count").longValue()).isEqualTo(1);
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.at("/count").longValue()).isEqualTo(1);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(desk.anonymous().get("/actuator/health/replica").status()).isEqualTo(503);
        assertThat(desk.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(desk.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    private static long count(String fragment, String view) {
        Matcher matcher = Pattern.compile("data-count=\"" + view + "\"[^>]*>([^<]+)<").matcher(fragment);
        if (!matcher.find()) {
            throw new AssertionError("no count of " + view + " in " + fragment);
        }
        return Long.parseLong(matcher.group(1).trim());
    }
}
