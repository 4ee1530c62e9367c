package org.partnerdesk.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17 item 3, bulk and upsert for CRM sync: {@code create_or_update} answers at once; {@code create_many} and
 * {@code update_many} run as jobs whose status reports each record. Every record goes through the single write's rules
 * (DIR-3, DIR-4, TKT-3): a refused record is reported with its rule, the others are written.
 */
public class BulkJobsTest extends ApiTest {

    @Test
    void createOrUpdateCreatesAUserThenUpdatesTheUserItsExternalIdNames() {
        Org acme = desk.aCustomer();
        String externalId = Desk.unique("crm");
        String email = Desk.unique("ann").toLowerCase() + "@" + acme.domain();

        Reply created = desk.admin.post("/api/v2/users/create_or_update", """
                {"user":{"name":"Ann","email":"%s","external_id":"%s","organization_id":%d}}""".formatted(email, externalId, acme.id()));
        Reply updated = desk.admin.post("/api/v2/users/create_or_update", """
                {"user":{"name":"Ann Renamed","email":"%s","external_id":"%s"}}""".formatted("new-" + email, externalId));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.id("user")).isEqualTo(created.id("user"));
        assertThat(updated.at("/user/name").stringValue()).isEqualTo("Ann Renamed");
        assertThat(updated.at("/user/email").stringValue()).isEqualTo("new-" + email);
        assertThat(updated.at("/user/organization_id").longValue()).isEqualTo(acme.id());
    }

    @Test
    void createOrUpdateMatchesAUserByEmailWhenNoExternalIdMatches() {
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply updated = desk.admin.post("/api/v2/users/create_or_update", """
                {"user":{"name":"Ann From CRM","email":"%s","external_id":"%s"}}""".formatted(ann.email().toUpperCase(), Desk.unique("crm")));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.id("user")).isEqualTo(ann.id());
        assertThat(updated.at("/user/name").stringValue()).isEqualTo("Ann From CRM");
    }

    @Test
    void createOrUpdateCannotMoveACustomerContactIntoAPartner() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Org resellCo = desk.aPartner("select");

        Reply refused = desk.admin.post("/api/v2/users/create_or_update", """
                {"user":{"email":"%s","organization_id":%d}}""".formatted(ann.email(), resellCo.id()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/description").stringValue()).contains("DIR-3");
        assertThat(desk.admin.get("/api/v2/users/" + ann.id()).at("/user/organization_id").longValue()).isEqualTo(acme.id());
    }

    @Test
    void createManyReportsACustomerContactRefusedByAPartnerWhileTheOthersAreCreated() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        String sam = Desk.unique("sam").toLowerCase() + "@" + resellCo.domain();
        String ann = Desk.unique("ann").toLowerCase() + "@" + acme.domain();
        String pat = Desk.unique("pat").toLowerCase() + "@" + resellCo.domain();

        Reply queued = desk.admin.post("/api/v2/users/create_many", """
                {"users":[{"name":"Sam","email":"%s","organization_id":%d},
                          {"name":"Ann","email":"%s","organization_id":%d},
                          {"name":"Pat","email":"%s","organization_id":%d}]}"""
                .formatted(sam, resellCo.id(), ann, resellCo.id(), pat, resellCo.id()));

        assertThat(queued.status()).as(queued.toString()).isEqualTo(200);
        assertThat(queued.at("/job_status/status").stringValue()).isIn("queued", "working", "completed");
        assertThat(queued.at("/job_status/url").stringValue()).endsWith("/api/v2/job_statuses/" + queued.at("/job_status/id").stringValue() + ".json");
        JsonNode job = awaitCompleted(desk.admin, queued);
        assertThat(job.get("total").intValue()).isEqualTo(3);
        assertThat(job.get("progress").intValue()).isEqualTo(3);
        JsonNode results = job.get("results");
        assertThat(results.get(0).get("status").stringValue()).isEqualTo("Created");
        assertThat(results.get(0).get("success").booleanValue()).isTrue();
        assertThat(results.get(1).get("index").intValue()).isEqualTo(1);
        assertThat(results.get(1).get("status").stringValue()).isEqualTo("Failed");
        assertThat(results.get(1).get("success").booleanValue()).isFalse();
        assertThat(results.get(1).get("rule").stringValue()).isEqualTo("DIR-3");
        assertThat(results.get(1).get("details").stringValue()).contains(ann, resellCo.name());
        assertThat(results.get(2).get("status").stringValue()).isEqualTo("Created");
        assertThat(desk.admin.get("/api/v2/users/" + results.get(0).get("id").longValue()).at("/user/email").stringValue()).isEqualTo(sam);
        assertThat(desk.admin.get("/api/v2/users/search?query=" + ann).at("/users").size()).isZero();
    }

    @Test
    void createManyIntoAnAllianceIsRefusedByDir4ForAnAdminOutsideSupportManagers() {
        Org alliance = desk.aPartner("alliance");
        String email = Desk.unique("al").toLowerCase() + "@" + alliance.domain();

        JsonNode job = awaitCompleted(desk.admin, desk.admin.post("/api/v2/users/create_many", """
                {"users":[{"name":"Al","email":"%s","organization_id":%d}]}""".formatted(email, alliance.id())));

        assertThat(job.at("/results/0/status").stringValue()).isEqualTo("Failed");
        assertThat(job.at("/results/0/rule").stringValue()).isEqualTo("DIR-4");
        assertThat(desk.admin.get("/api/v2/users/search?query=" + email).at("/users").size()).isZero();
    }

    @Test
    void createManyReportsARecordThatFailsValidationAndADuplicateEmail() {
        String email = Desk.unique("dup").toLowerCase() + "@people.test";

        JsonNode job = awaitCompleted(desk.admin, desk.admin.post("/api/v2/users/create_many", """
                {"users":[{"name":"One","email":"%s"},{"name":"Two","email":"%s"},{"name":"Three","email":"not-an-address"},
                          {"name":"Four","email":"%s","role":"wizard"}]}""".formatted(email, email.toUpperCase(), "x" + email)));

        assertThat(job.get("results").valueStream().map(r -> r.get("status").stringValue()).toList())
                .containsExactly("Created", "Failed", "Failed", "Failed");
        assertThat(job.at("/results/1/details").stringValue()).contains("already");
        assertThat(job.at("/results/2/error").stringValue()).isEqualTo("RecordInvalid");
    }

    @Test
    void createOrUpdateOrganizationMatchesByExternalIdThenByName() {
        String name = Desk.unique("Globex");
        String externalId = Desk.unique("acct");

        Reply created = desk.admin.post("/api/v2/organizations/create_or_update", """
                {"organization":{"name":"%s","external_id":"%s","organization_fields":{"org_type":"customer"}}}""".formatted(name, externalId));
        Reply renamed = desk.admin.post("/api/v2/organizations/create_or_update", """
                {"organization":{"name":"%s Inc","external_id":"%s"}}""".formatted(name, externalId));
        Reply byName = desk.admin.post("/api/v2/organizations/create_or_update", """
                {"organization":{"name":"%s inc","notes":"matched by name"}}""".formatted(name));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(byName.status()).as(byName.toString()).isEqualTo(200);
        assertThat(List.of(renamed.id("organization"), byName.id("organization"))).containsOnly(created.id("organization"));
        assertThat(renamed.at("/organization/name").stringValue()).isEqualTo(name + " Inc");
    }

    @Test
    void createOrUpdateOrganizationCannotTurnAPartnerWithMembersIntoACustomer() {
        Org resellCo = desk.aPartner("open");
        desk.endUserIn(resellCo);

        Reply refused = desk.admin.post("/api/v2/organizations/create_or_update", """
                {"organization":{"name":"%s","organization_fields":{"org_type":"customer","partner_track":null}}}""".formatted(resellCo.name()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/description").stringValue()).contains("DIR-3");
    }

    @Test
    void createManyOrganizationsCreatesEachAndReportsADuplicateName() {
        Org taken = desk.aCustomer();
        String name = Desk.unique("Initech");

        JsonNode job = awaitCompleted(desk.admin, desk.admin.post("/api/v2/organizations/create_many", """
                {"organizations":[{"name":"%s","organization_fields":{"org_type":"customer"}},{"name":"%s"}]}""".formatted(name, taken.name())));

        assertThat(job.at("/results/0/status").stringValue()).isEqualTo("Created");
        assertThat(job.at("/results/1/status").stringValue()).isEqualTo("Failed");
        assertThat(desk.admin.get("/api/v2/organizations/" + job.at("/results/0/id").longValue()).at("/organization/name").stringValue())
                .isEqualTo(name);
    }

    @Test
    void updateManyByIdsChangesEachTicketAndReportsOneRefusedByTkt3() {
        Account agent = desk.agent();
        long first = aTicket("normal");
        long second = aTicket("normal");
        long missing = 999_999_999L;

        JsonNode job = awaitCompleted(agent.api(), agent.api().put("/api/v2/tickets/update_many?ids=%d,%d,%d".formatted(first, second, missing), """
                {"ticket":{"status":"pending","tags":["bulk"]}}"""));
        JsonNode perTicket = awaitCompleted(agent.api(), agent.api().put("/api/v2/tickets/update_many", """
                {"tickets":[{"id":%d,"status":"open"},{"id":%d,"priority":"urgent"}]}""".formatted(first, second)));

        assertThat(job.get("results").valueStream().map(r -> r.get("status").stringValue()).toList())
                .containsExactly("Updated", "Updated", "Failed");
        assertThat(job.at("/results/2/id").longValue()).isEqualTo(missing);
        assertThat(job.at("/results/2/error").stringValue()).isEqualTo("RecordNotFound");
        assertThat(perTicket.at("/results/0/status").stringValue()).isEqualTo("Updated");
        assertThat(perTicket.at("/results/1/status").stringValue()).isEqualTo("Failed");
        assertThat(perTicket.at("/results/1/rule").stringValue()).isEqualTo("TKT-3");
        JsonNode firstTicket = desk.admin.get("/api/v2/tickets/" + first).json().get("ticket");
        JsonNode secondTicket = desk.admin.get("/api/v2/tickets/" + second).json().get("ticket");
        assertThat(firstTicket.get("status").stringValue()).isEqualTo("open");
        assertThat(secondTicket.get("status").stringValue()).isEqualTo("pending");
        assertThat(secondTicket.get("priority").stringValue()).isEqualTo("normal");
        assertThat(secondTicket.get("tags").valueStream().map(JsonNode::stringValue).toList()).containsExactly("bulk");
    }

    @Test
    void aJobStatusIsForWhoStartedItAndForAdmins() {
        Account agent = desk.agent();
        Reply queued = agent.api().put("/api/v2/tickets/update_many?ids=" + aTicket("normal"), """
                {"ticket":{"status":"open"}}""");
        String path = "/api/v2/job_statuses/" + queued.at("/job_status/id").stringValue();

        assertThat(agent.api().get(path).status()).isEqualTo(200);
        assertThat(desk.anAdmin().api().get(path).status()).isEqualTo(200);
        assertThat(desk.agent().api().get(path).status()).isEqualTo(404);
        assertThat(desk.stranger().api().get(path).status()).isEqualTo(404);
        assertThat(desk.endUserIn(desk.aPartner("open")).api().get(path).status()).isEqualTo(404);
        assertThat(desk.anonymous().get(path).status()).isEqualTo(401);
        assertThat(agent.api().get("/api/v2/job_statuses").at("/job_statuses/0/id").stringValue())
                .isEqualTo(queued.at("/job_status/id").stringValue());
        assertThat(desk.agent().api().get("/api/v2/job_statuses").at("/job_statuses").size()).isZero();
        assertThat(agent.api().get("/api/v2/job_statuses/show_many?ids=" + queued.at("/job_status/id").stringValue() + ",nope")
                .at("/job_statuses").size()).isEqualTo(1);
        assertThat(desk.agent().api().get("/api/v2/job_statuses/show_many?ids=" + queued.at("/job_status/id").stringValue())
                .at("/job_statuses").size()).isZero();
    }

    @Test
    void onlyAdminsSyncUsersAndOrganizationsAndOnlyStaffUpdateManyTickets() {
        Account agent = desk.agent();
        Account customer = desk.endUserIn(desk.aCustomer());
        Account partner = desk.endUserIn(desk.aPartner("open"));
        String user = """
                {"user":{"name":"X","email":"%s"}}""".formatted(Desk.unique("x") + "@people.test");
        String users = """
                {"users":[{"name":"X","email":"%s"}]}""".formatted(Desk.unique("x") + "@people.test");
        String organization = """
                {"organization":{"name":"%s"}}""".formatted(Desk.unique("Org"));
        String organizations = """
                {"organizations":[{"name":"%s"}]}""".formatted(Desk.unique("Org"));
        for (ApiClient caller : List.of(agent.api(), customer.api(), partner.api(), desk.stranger().api())) {
            assertThat(caller.post("/api/v2/users/create_or_update", user).status()).isEqualTo(403);
            assertThat(caller.post("/api/v2/users/create_many", users).status()).isEqualTo(403);
            assertThat(caller.post("/api/v2/organizations/create_or_update", organization).status()).isEqualTo(403);
            assertThat(caller.post("/api/v2/organizations/create_many", organizations).status()).isEqualTo(403);
        }
        for (ApiClient caller : List.of(customer.api(), partner.api(), desk.stranger().api())) {
            assertThat(caller.put("/api/v2/tickets/update_many?ids=1", "{\"ticket\":{\"status\":\"open\"}}").status()).isEqualTo(403);
        }
        ApiClient nobody = desk.anonymous();
        assertThat(nobody.post("/api/v2/users/create_many", users).status()).isEqualTo(401);
        assertThat(nobody.put("/api/v2/tickets/update_many?ids=1", "{\"ticket\":{}}").status()).isEqualTo(401);
        assertThat(desk.admin.get("/api/v2/users/search?query=" + users.substring(users.indexOf("x-"), users.indexOf("@"))).at("/users").size()).isZero();
    }

    @Test
    void aBulkRequestOutsideItsShapeIsA400() {
        String hundredAndOne = IntStream.range(0, 101).mapToObj(i -> "{\"name\":\"U" + i + "\",\"email\":\"u" + i + "@people.test\"}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        List<Reply> refused = new ArrayList<>(List.of(
                desk.admin.post("/api/v2/users/create_many", "{\"users\":[" + hundredAndOne + "]}"),
                desk.admin.post("/api/v2/users/create_many", "{\"users\":[]}"),
                desk.admin.post("/api/v2/users/create_many", "{\"users\":\"all\"}"),
                desk.admin.post("/api/v2/users/create_many", "{\"users\":[1,2]}"),
                desk.admin.post("/api/v2/organizations/create_many", "{\"organization\":{}}"),
                desk.admin.post("/api/v2/users/create_or_update", "{\"users\":[]}"),
                desk.admin.put("/api/v2/tickets/update_many?ids=1,abc", "{\"ticket\":{}}"),
                desk.admin.put("/api/v2/tickets/update_many?ids=1", "{\"tickets\":[{\"id\":1}]}"),
                desk.admin.put("/api/v2/tickets/update_many", "{\"tickets\":[{\"status\":\"open\"}]}"),
                desk.admin.put("/api/v2/tickets/update_many", "{\"ticket\":{\"status\":\"open\"}}"),
                desk.admin.get("/api/v2/job_statuses/show_many?ids=,")));
        assertThat(refused).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.json().has("error")).isTrue();
            assertThat(reply.json().has("description")).isTrue();
        });
        assertThat(desk.admin.get("/api/v2/job_statuses/0123456789abcdef").status()).isEqualTo(404);
    }

    private long aTicket(String priority) {
        Reply created = desk.admin.post("/api/v2/tickets", """
                {"ticket":{"subject":"Bulk","comment":{"body":"For update_many"},"priority":"%s","ticket_form_id":%d}}"""
                .formatted(priority, Desk.SUPPORT_FORM));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id("ticket");
    }

    /** The job the reply queued, read as its starter reads it once it has completed (within 20 s). */
    public static JsonNode awaitCompleted(ApiClient starter, Reply queued) {
        assertThat(queued.status()).as(queued.toString()).isEqualTo(200);
        String path = "/api/v2/job_statuses/" + queued.at("/job_status/id").stringValue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = starter.get(path).json().get("job_status");
            if (job.get("status").stringValue().equals("completed")) {
                return job;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + path + " did not complete");
    }
}
