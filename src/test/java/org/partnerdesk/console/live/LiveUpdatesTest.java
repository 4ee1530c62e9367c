package org.partnerdesk.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.PartnerDeskApplication;
import org.partnerdesk.TestDataDir;
import org.partnerdesk.database.LocalPostgres;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * UI-1 live updates and collision over plain HTTP, signed in like a browser: "a change made on one node shows on a page
 * served by another within 1 s" (this test's desk is one node; a second desk runs on the same PostgreSQL), and who may
 * follow a ticket or be seen on it.
 */
class LiveUpdatesTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static ConfigurableApplicationContext secondDesk;

    @Autowired
    LocalPostgres postgres;
    @Autowired
    Passwords passwords;
    @Autowired
    LiveStreams streams;

    @AfterAll
    static void stopSecondDesk() {
        if (secondDesk != null) {
            secondDesk.close();
        }
    }

    @Test
    void aChangeSavedOnAnotherDeskReachesATicketPageStreamingFromThisOneWithinASecond() throws Exception {
        long ticket = aTicket();
        Desk.Account sue = signInAble(desk.agent());
        Desk.Account bob = desk.agent();
        ApiClient bobOnSecondDesk = ApiClient.withToken("http://localhost:" + portOf(secondDesk()), bob.email(), desk.tokenFor(bob.id()));

        try (EventStream page = EventStream.open(baseUrl(), sue.email(), PASSWORD, "/live/stream?ticket=" + ticket)) {
            assertThat(page.awaitLine(":connected", Duration.ofSeconds(5))).isTrue();
            Reply changed = bobOnSecondDesk.put("/api/v2/tickets/" + ticket, """
                    {"ticket": {"comment": {"body": "Looking at the runner logs now.", "public": false}}}""");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            long savedAt = System.nanoTime();

            assertThat(page.awaitLine("event:ticket-changed", Duration.ofSeconds(1))).as("within 1 s of the save on the other desk").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - savedAt)).isLessThan(Duration.ofSeconds(1));
            assertThat(page.awaitLineStartingWith("data:", Duration.ofSeconds(1)))
                    .contains("This ticket changed since you opened it").contains("/agent/tickets/" + ticket);
        }
    }

    @Test
    void whoChangedATicketIsNotToldTheirOwnPageIsStale() throws Exception {
        long ticket = aTicket();
        Desk.Account sue = signInAble(desk.agent());
        Desk.Account bob = desk.agent();

        try (EventStream page = EventStream.open(baseUrl(), sue.email(), PASSWORD, "/live/stream?ticket=" + ticket + "&queues")) {
            assertThat(page.awaitLine(":connected", Duration.ofSeconds(5))).isTrue();
            sue.api().put("/api/v2/tickets/" + ticket, """
                    {"ticket": {"comment": {"body": "My own note.", "public": false}}}""");
            assertThat(page.awaitLine("event:queue-changed", Duration.ofSeconds(3))).as("the queues still hear of it").isTrue();
            assertThat(page.awaitLine("event:ticket-changed", Duration.ofMillis(500))).isFalse();

            bob.api().put("/api/v2/tickets/" + ticket, """
                    {"ticket": {"comment": {"body": "Bob's note.", "public": false}}}""");
            assertThat(page.awaitLine("event:ticket-changed", Duration.ofSeconds(3))).isTrue();
        }
    }

    @Test
    void aBrowserThatHungUpIsDroppedAtTheNextHeartbeat() throws Exception {
        long ticket = aTicket();
        Desk.Account sue = signInAble(desk.agent());
        EventStream page = EventStream.open(baseUrl(), sue.email(), PASSWORD, "/live/stream?ticket=" + ticket);
        assertThat(page.awaitLine(":connected", Duration.ofSeconds(5))).isTrue();
        assertThat(streams.streamsOf(sue.id())).isEqualTo(1);

        page.close();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (streams.streamsOf(sue.id()) > 0 && System.nanoTime() < deadline) {
            streams.heartbeat(); // the first write after the hang-up may still fit the socket's buffer; a later one fails
            Thread.sleep(100);
        }
        assertThat(streams.streamsOf(sue.id())).isZero();
    }

    @Test
    void someoneWhoMayNotOpenATicketCannotFollowIt() throws Exception {
        long ticket = aTicket();
        Desk.Account stranger = signInAble(desk.endUserIn(desk.aCustomer()));

        try (EventStream page = EventStream.open(baseUrl(), stranger.email(), PASSWORD, "/live/stream?ticket=" + ticket)) {
            assertThat(page.status()).isEqualTo(404);
        }
        try (EventStream queues = EventStream.open(baseUrl(), stranger.email(), PASSWORD, "/live/stream?queues")) {
            assertThat(queues.status()).isEqualTo(403);
        }
        assertThat(streams.streamsOf(stranger.id())).isZero();
    }

    @Test
    void anAgentsPresenceReachesAColleagueOnTheTicketAndLeavesWithThem() throws Exception {
        long ticket = aTicket();
        Desk.Account sue = signInAble(desk.agent());
        EventStream.Session bob = EventStream.Session.signIn(baseUrl(), signInAble(desk.agent()).email(), PASSWORD);

        try (EventStream page = EventStream.open(baseUrl(), sue.email(), PASSWORD, "/live/stream?ticket=" + ticket)) {
            assertThat(page.awaitLine(":connected", Duration.ofSeconds(5))).isTrue();
            assertThat(page.awaitLine("event:presence", Duration.ofSeconds(3))).as("who is there as the stream opens").isTrue();
            assertThat(page.awaitLineStartingWith("data:", Duration.ofSeconds(1))).isEqualTo("data:<ul class=\"presence-list\"></ul>");
            assertThat(bob.post("/live/presence", "ticket=" + ticket + "&state=replying")).isEqualTo(204);
            assertThat(page.awaitLine("event:presence", Duration.ofSeconds(3))).isTrue();
            assertThat(page.awaitLineStartingWith("data:", Duration.ofSeconds(1))).contains(" is replying</li>");

            assertThat(bob.post("/live/presence", "ticket=" + ticket + "&state=gone")).isEqualTo(204);
            assertThat(page.awaitLine("event:presence", Duration.ofSeconds(3))).isTrue();
            assertThat(page.awaitLineStartingWith("data:", Duration.ofSeconds(1))).isEqualTo("data:<ul class=\"presence-list\"></ul>");
        }
    }

    @Test
    void anEndUserIsNeverSeenOnATicketNotEvenTheirOwn() throws Exception {
        var customer = desk.endUserIn(desk.aCustomer());
        long ticket = customer.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "Runner stuck", "ticket_form_id": %d, "comment": {"body": "Every job waits."}}}"""
                .formatted(SUPPORT_FORM)).id("ticket");
        EventStream.Session requester = EventStream.Session.signIn(baseUrl(), signInAble(customer).email(), PASSWORD);
        EventStream.Session agent = EventStream.Session.signIn(baseUrl(), signInAble(desk.agent()).email(), PASSWORD);

        assertThat(requester.post("/live/presence", "ticket=" + ticket + "&state=viewing")).isEqualTo(403);
        assertThat(agent.post("/live/presence", "ticket=" + ticket + "&state=dancing")).isEqualTo(422);
        assertThat(agent.post("/live/presence", "ticket=999999999&state=viewing")).isEqualTo(404);
    }

    // --- fixtures ---

    private Desk.Account signInAble(Desk.Account account) {
        passwords.set(account.id(), PASSWORD);
        return account;
    }

    private long aTicket() {
        var customer = desk.endUserIn(desk.aCustomer());
        Reply created = customer.api().post("/api/v2/tickets", """
                {"ticket": {"subject": "Runner stuck on pending", "ticket_form_id": %d,
                  "comment": {"body": "Since this morning every job waits."}}}""".formatted(SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    private ConfigurableApplicationContext secondDesk() throws Exception {
        if (secondDesk == null) {
            Path ownDataDir = Files.createTempDirectory(TestDataDir.PATH, "second-desk-");
            Map<String, Object> properties = Map.of(
                    "spring.datasource.url", postgres.jdbcUrl(),
                    "spring.datasource.username", postgres.username(),
                    "server.port", "0",
                    "partnerdesk.data-dir", ownDataDir.toString(),
                    "partnerdesk.admin.email", ADMIN_EMAIL,
                    "partnerdesk.admin.token", ADMIN_TOKEN,
                    "partnerdesk.demo-data", "false");
            // as arguments: they must win over application.properties, as environment variables do on a real node
            String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            secondDesk = new SpringApplicationBuilder(PartnerDeskApplication.class).run(arguments);
        }
        return secondDesk;
    }

    private static int portOf(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
