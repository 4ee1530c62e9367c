package org.partnerdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.DeskWithoutMailServer;
import org.partnerdesk.TestDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
