package org.partnerdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.DeskWithoutMailServer;
import org.partnerdesk.TestDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue #2: a new desk shows the partner programme at once. Its own context, since the other tests want no demo. */
class DemoDataTest extends DeskWithoutMailServer {

    @Autowired
    DemoData demo;

    @Test
    void demoShowsCustomersPartnersOfEveryTrackAndAnNfrLicense() {
        ApiClient admin = ApiClient.withToken("http://localhost:" + port, ApiTest.ADMIN_EMAIL, ApiTest.ADMIN_TOKEN);
        JsonNode organizations = admin.get("/api/v2/organizations").json().get("organizations");

        assertThat(names(organizations)).contains("Acme Corp", "Globex", "ResellCo", "Initech Partners", "Umbrella Cloud");
        assertThat(tracks(organizations)).contains("open", "select", "alliance");
        long acme = idOf(organizations, "Acme Corp");
        assertThat(admin.get("/api/v2/subscriptions?organization_id=" + acme).at("/subscriptions/0/support_level").stringValue())
                .isEqualTo("priority");
        long globex = idOf(organizations, "Globex");
        assertThat(admin.get("/api/v2/subscriptions?organization_id=" + globex).at("/subscriptions/0/support_level").stringValue())
                .isEqualTo("none");
        long resellCo = idOf(organizations, "ResellCo");
        assertThat(admin.get("/api/v2/nfr_licenses?organization_id=" + resellCo).at("/nfr_licenses/0/status").stringValue())
                .isEqualTo("active");
    }

    @Autowired
    org.partnerdesk.identity.ApiTokens tokens;

    @Test
    void theSelectPartnersNfrRequestIsEligibleThroughItsSolutionArchitect() { // PO-3
        ApiClient admin = ApiClient.withToken("http://localhost:" + port, ApiTest.ADMIN_EMAIL, ApiTest.ADMIN_TOKEN);
        long pat = admin.get("/api/v2/users/search?query=pat@initech-partners.test").at("/users/0/id").longValue();
        String token = org.partnerdesk.identity.ApiTokens.newToken();
        tokens.store(pat, token, "test token");
        ApiClient asPat = ApiClient.withToken("http://localhost:" + port, "pat@initech-partners.test", token);

        var asked = asPat.post("/api/v2/nfr_requests", """
                {"nfr_request":{"plan":"ultimate","users":10,"deployment":"self_managed"}}""");

        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.at("/nfr_request/eligible").booleanValue()).as(asked.toString()).isTrue();
    }

    @Test
    void everyGroupHasStaffAndTheAdminIsASupportManager() {
        ApiClient admin = ApiClient.withToken("http://localhost:" + port, ApiTest.ADMIN_EMAIL, ApiTest.ADMIN_TOKEN);
        for (JsonNode group : admin.get("/api/v2/groups").json().get("groups")) {
            JsonNode members = admin.get("/api/v2/group_memberships?group_id=" + group.get("id").longValue()).json()
                    .get("group_memberships");
            assertThat(members.size()).as(group.get("name").stringValue()).isPositive();
        }
    }

    @Test
    void loadingAgainOnAFilledDatabaseAddsNothing() {
        ApiClient admin = ApiClient.withToken("http://localhost:" + port, ApiTest.ADMIN_EMAIL, ApiTest.ADMIN_TOKEN);
        int before = admin.get("/api/v2/organizations").json().get("organizations").size();

        demo.load();

        assertThat(admin.get("/api/v2/organizations").json().get("organizations").size()).isEqualTo(before);
    }

    @Test
    void everyDemoUserHasATokenAndAPasswordInAFileOnlyItsOwnerReads() throws Exception {
        Path file = TestDataDir.PATH.resolve("demo-credentials.txt");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<String[]> rows = credentials(file);

        assertThat(rows).hasSize(16);
        assertThat(rows.stream().map(row -> row[0])).contains(ApiTest.ADMIN_EMAIL, "carl.channel@partnerdesk.test",
                "lena.licensing@partnerdesk.test", "bill.billing@partnerdesk.test", "dora.director@partnerdesk.test",
                "pete.programs@partnerdesk.test", "arthur@acme.test");
        for (String[] row : rows) {
            var me = ApiClient.withToken("http://localhost:" + port, row[0], row[1]).get("/api/v2/users/me");
            assertThat(me.at("/user/email").stringValue()).as(row[0] + ": " + me).isEqualTo(row[0]);
        }
        String[] carl = rows.stream().filter(row -> row[0].startsWith("carl.")).findFirst().orElseThrow();
        var withPassword = ApiClient.anonymous("http://localhost:" + port).withAuthorization("Basic " + java.util.Base64.getEncoder()
                .encodeToString((carl[0] + ":" + carl[2]).getBytes(java.nio.charset.StandardCharsets.UTF_8))).get("/api/v2/users/me");
        assertThat(withPassword.at("/user/email").stringValue()).as(withPassword.toString()).isEqualTo(carl[0]);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLaterStartKeepsTheTokensAndPrintsWhereTheFileIsInstead(CapturedOutput output) throws Exception {
        Path file = TestDataDir.PATH.resolve("demo-credentials.txt");
        List<String[]> before = credentials(file);

        demo.load(); // what the next start does

        assertThat(credentials(file)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        String sam = before.stream().filter(row -> row[0].equals("sam@resellco.test")).findFirst().orElseThrow()[1];
        assertThat(ApiClient.withToken("http://localhost:" + port, "sam@resellco.test", sam).get("/api/v2/users/me").status())
                .isEqualTo(200);
        assertThat(output.getAll()).contains(file.toString()).doesNotContain(sam);
    }

    @Autowired
    JdbcClient db;

    @Autowired
    DemoStar star;

    @Test
    void theAgentConsoleHasTicketsInEveryStatusForTheDemoAgentAndForNobody() { // issue #14, TKT-1
        List<JsonNode> tickets = demoTickets();

        Map<String, Long> perStatus = tickets.stream().collect(Collectors.groupingBy(t -> t.get("status").stringValue(),
                TreeMap::new, Collectors.counting()));
        assertThat(perStatus).isEqualTo(new TreeMap<>(Map.of("new", 8L, "open", 11L, "pending", 6L, "hold", 4L, "solved", 7L,
                "closed", 4L)));
        long sue = admin().get("/api/v2/users/search?query=" + DemoTickets.AGENT).at("/users/0/id").longValue();
        assertThat(tickets).filteredOn(t -> t.get("assignee_id").isNumber() && t.get("assignee_id").longValue() == sue).hasSizeGreaterThan(5);
        assertThat(tickets).filteredOn(t -> t.get("assignee_id").isNull()).hasSizeGreaterThan(5);
        assertThat(tickets.stream().map(t -> t.get("ticket_form_id").longValue()).distinct())
                .contains(Desk.SUPPORT_FORM, Desk.OPEN_PARTNER_FORM, Desk.SELECT_PARTNER_FORM, Desk.ALLIANCE_PARTNER_FORM);
        JsonNode conversation = admin().get("/api/v2/tickets/" + idOf(tickets, "Production instance down after upgrade to 17.3")
                + "/comments").json().get("comments");
        assertThat(conversation.valueStream().map(c -> c.get("public").booleanValue())).contains(true, false);
    }

    @Test
    void someRepliesAreOverdueAndTheirClocksBreached() { // TKT-4
        List<JsonNode> tickets = demoTickets();

        JsonNode clocks = admin().get("/api/v2/tickets/" + idOf(tickets, "Runners lose their jobs every hour") + "?include=slas")
                .at("/ticket/slas/policy_metrics");

        assertThat(clocks.valueStream().map(m -> m.get("metric").stringValue() + " " + m.get("stage").stringValue()))
                .containsExactly("first_reply_time achieved", "next_reply_time breached");
        assertThat(clocks.get(1).get("minutes").longValue()).isLessThan(-60);
        long breached = tickets.stream().filter(t -> admin().get("/api/v2/tickets/" + t.get("id").longValue() + "?include=slas")
                .at("/ticket/slas/policy_metrics").valueStream().anyMatch(m -> m.get("stage").stringValue().equals("breached"))).count();
        assertThat(breached).isEqualTo(3);
    }

    @Test
    void aPartnersTicketForAnUnknownDomainNeedsItsOrganization() { // ENT-7
        long id = idOf(demoTickets(), "New customer cannot activate their license");

        JsonNode entitlement = admin().get("/api/v2/tickets/" + id + "/entitlement").json();

        assertThat(entitlement.toString()).contains("needs_org");
        assertThat(admin().get("/api/v2/search?query=flag:needs_org").json().get("results").valueStream()
                .map(t -> t.get("id").longValue())).contains(id);
    }

    @Test
    void theAllianceHandoverCarriesThePartnersSpecialProcess() { // ENT-6, TKT-9
        long id = idOf(demoTickets(), "Umbrella Corp - ALLY-991 - Pipeline fails on shared runners");

        assertThat(admin().get("/api/v2/tickets/" + id + "/entitlement").at("/entitlement/rule").stringValue()).isEqualTo("ENT-6");
        assertThat(admin().get("/api/v2/tickets/" + id + "/comments").text()).contains("Special process for Umbrella Cloud (TKT-9)");
    }

    @Test
    void channelManagersStarIsRaisedOnceItsTicketIsOldEnough() { // TKT-7
        long id = idOf(demoTickets(), "Production instance down after upgrade to 17.3");
        assertThat(db.sql("select count(*) from scheduled_tasks where task_name = 'demo-star' and task_instance = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(admin().get("/api/v2/star_requests?ticket_id=" + id).json().get("star_requests")).isEmpty();
        db.sql("update tickets set created_at = created_at - interval '1 hour' where id = ?").param(id).update();

        star.raise(id); // what the scheduled job does when it is due

        JsonNode stars = admin().get("/api/v2/star_requests?ticket_id=" + id).json().get("star_requests");
        assertThat(stars).hasSize(1);
        assertThat(stars.get(0).get("status").stringValue()).isEqualTo("starred");
    }

    @Test
    void theCredentialsFileTellsHowToSignInAsTheDemoAgent() throws Exception {
        Path file = TestDataDir.PATH.resolve("demo-credentials.txt");
        String[] sue = credentials(file).stream().filter(row -> row[0].equals(DemoTickets.AGENT)).findFirst().orElseThrow();

        assertThat(Files.readString(file)).contains("/sign-in", "the demo agent is " + DemoTickets.AGENT);
        var me = ApiClient.anonymous("http://localhost:" + port).withAuthorization("Basic " + java.util.Base64.getEncoder()
                .encodeToString((sue[0] + ":" + sue[2]).getBytes(java.nio.charset.StandardCharsets.UTF_8))).get("/api/v2/users/me");
        assertThat(me.at("/user/role").stringValue()).isEqualTo("agent");
    }

    @Autowired
    org.partnerdesk.ticket.RequestLists requestLists;

    @Autowired
    org.partnerdesk.directory.Users users;

    @Test
    void theDemoPartnerAndCustomerHaveRequestsInEachOfTheirPortalLists() { // issue #15
        var sam = endUser(DemoPortalRequests.PARTNER);
        var ann = endUser(DemoPortalRequests.CUSTOMER);
        var first = new org.partnerdesk.api.PageRequest(25, 0);

        for (var list : List.of(org.partnerdesk.ticket.RequestList.MINE, org.partnerdesk.ticket.RequestList.CCD,
                org.partnerdesk.ticket.RequestList.CUSTOMERS)) {
            assertThat(requestLists.page(sam, list, null, first).items()).as("the demo partner's " + list).isNotEmpty();
        }
        for (var list : List.of(org.partnerdesk.ticket.RequestList.MINE, org.partnerdesk.ticket.RequestList.CCD,
                org.partnerdesk.ticket.RequestList.ORGANIZATION)) {
            assertThat(requestLists.page(ann, list, null, first).items()).as("the demo customer's " + list).isNotEmpty();
        }
    }

    private org.partnerdesk.api.Actor endUser(String email) {
        var user = users.findByEmail(email).orElseThrow();
        return new org.partnerdesk.api.Actor(user.id(), user.email(), org.partnerdesk.api.Role.END_USER, user.organizationId(),
                java.util.Set.of());
    }

    // the demo's tickets: the first forty, loaded before any test ran
    private List<JsonNode> demoTickets() {
        return admin().get("/api/v2/tickets?per_page=40").json().get("tickets").valueStream().toList();
    }

    private ApiClient admin() {
        return ApiClient.withToken("http://localhost:" + port, ApiTest.ADMIN_EMAIL, ApiTest.ADMIN_TOKEN);
    }

    private static long idOf(List<JsonNode> tickets, String subject) {
        return tickets.stream().filter(t -> t.get("subject").stringValue().equals(subject)).findFirst().orElseThrow()
                .get("id").longValue();
    }

    // e-mail, token, password of each row, comments left out
    private static List<String[]> credentials(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")).toList();
    }

    private static List<String> names(JsonNode organizations) {
        return organizations.valueStream().map(o -> o.get("name").stringValue()).toList();
    }

    private static List<String> tracks(JsonNode organizations) {
        return organizations.valueStream().map(o -> o.at("/organization_fields/partner_track"))
                .filter(t -> !t.isNull()).map(JsonNode::stringValue).toList();
    }

    private static long idOf(JsonNode organizations, String name) {
        return organizations.valueStream().filter(o -> o.get("name").stringValue().equals(name)).findFirst().orElseThrow()
                .get("id").longValue();
    }
}
