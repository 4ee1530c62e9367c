package org.partnerdesk.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * Issue #17 item 3: {@code create_many} decides its records in one batch, by the same rules as {@code POST /users}
 * (DIR-2, DIR-3, DIR-4): each record's result is the one it would get created on its own, in order, after the records
 * before it, including a record that collides with an earlier one of the same batch.
 */
public class CreateManyBatchTest extends ApiTest {

    @Autowired
    JdbcClient db;

    /** What a record came to: created (with its place in the batch) or refused (its error, rule and details). */
    private record Result(String status, String error, String rule, String details) {
    }

    @Test
    void aBatchWithDuplicatesAndDir3AndDir4RefusalsAnswersEachRecordAsSingleCreatesWould() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        Org alliance = desk.aPartner("alliance");
        Org internal = desk.anInternalOrganization();
        Account existing = desk.endUserIn(acme);
        Account manager = desk.agent();
        List<Function<String, String>> records = List.of(
                t -> user("Sam", "sam-" + t + "@" + resellCo.domain(), "crm-" + t, resellCo.id(), null),
                t -> user("Ann", "ann-" + t + "@" + acme.domain(), null, resellCo.id(), null),          // DIR-3
                t -> user("Al", "al-" + t + "@" + alliance.domain(), null, alliance.id(), null),         // DIR-4
                t -> user("Sam Again", "SAM-" + t + "@" + resellCo.domain(), null, null, null),          // the e-mail of record 0
                t -> user("Other", "other-" + t + "@people.test", "crm-" + t, null, null),                // the external id of record 0
                t -> user("Known", existing.email().toUpperCase(), null, null, null),                     // a user before the batch
                t -> user("Ida", "ida-" + t + "@people.test", null, internal.id(), null),                 // DIR-3: internal is for staff
                t -> user("Mia", "mia-" + t + "@people.test", null, null, manager.id()),
                t -> user("Nobody", "nobody-" + t + "@people.test", null, 999_999_999L, null),
                t -> user("Bad", "not-an-address", null, null, null),
                t -> user("Ann", "ann-" + t + "@" + acme.domain(), null, acme.id(), null),               // record 1 was not created
                t -> user("Ann Twice", "ann-" + t + "@" + acme.domain(), null, acme.id(), null));        // record 10 was

        String batchToken = Desk.unique("b").toLowerCase();
        JsonNode job = BulkJobsTest.awaitCompleted(desk.admin, desk.admin.post("/api/v2/users/create_many",
                "{\"users\":[" + String.join(",", records.stream().map(r -> r.apply(batchToken)).toList()) + "]}"));
        List<Long> batchIds = new ArrayList<>();
        List<Result> batch = new ArrayList<>();
        for (JsonNode result : job.get("results").values()) {
            batchIds.add(result.get("status").stringValue().equals("Created") ? result.get("id").longValue() : null);
            batch.add(new Result(result.get("status").stringValue(), text(result, "error"), text(result, "rule"), text(result, "details")));
        }

        String singleToken = Desk.unique("s").toLowerCase();
        List<Long> singleIds = new ArrayList<>();
        List<Result> single = new ArrayList<>();
        for (Function<String, String> record : records) {
            Reply reply = desk.admin.post("/api/v2/users", "{\"user\":" + record.apply(singleToken) + "}");
            singleIds.add(reply.status() == 201 ? reply.id("user") : null);
            single.add(reply.status() == 201 ? new Result("Created", null, null, null) : refusal(reply));
        }

        assertThat(batch.stream().map(Result::status).toList()).containsExactly("Created", "Failed", "Failed", "Failed", "Failed",
                "Failed", "Failed", "Created", "Failed", "Failed", "Created", "Failed");
        assertThat(batch.get(1).rule()).isEqualTo("DIR-3");
        assertThat(batch.get(2).rule()).isEqualTo("DIR-4");
        assertThat(batch.get(6).rule()).isEqualTo("DIR-3");
        assertThat(normalized(batch, batchToken, batchIds)).isEqualTo(normalized(single, singleToken, singleIds));
        assertThat(desk.admin.get("/api/v2/users/" + batchIds.get(0)).at("/user/organization_id").longValue()).isEqualTo(resellCo.id());
        assertThat(desk.admin.get("/api/v2/users/" + batchIds.get(7)).at("/user/manager_id").longValue()).isEqualTo(manager.id());
        assertThat(desk.admin.get("/api/v2/users/" + batchIds.get(10)).at("/user/organization_id").longValue()).isEqualTo(acme.id());
        // one transaction for the batch (now() is its start): records written one by one would each have their own
        assertThat(db.sql("select count(distinct created_at) from users where id = any(?)")
                .param(batchIds.stream().filter(java.util.Objects::nonNull).toArray(Long[]::new)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBatchOfOrganizationsWithDuplicateNamesIdsAndDomainsAnswersEachAsSingleCreatesWould() {
        Org taken = desk.aCustomer();
        List<Function<String, String>> records = List.of(
                t -> organization("Globex " + t, "acct-" + t, "globex-" + t + ".test"),
                t -> organization("GLOBEX " + t, null, null),                                 // the name of record 0
                t -> organization("Other " + t, "acct-" + t, null),                           // the external id of record 0
                t -> organization("Clone " + t, null, "globex-" + t + ".test"),               // DIR-1: record 0's domain
                t -> organization(taken.name(), null, null),                                   // an organization before the batch
                t -> organization("Squatter " + t, null, taken.domain()),                      // DIR-1: its domain
                t -> organization("Initech " + t, null, "initech-" + t + ".test"));

        String batchToken = Desk.unique("b").toLowerCase();
        JsonNode job = BulkJobsTest.awaitCompleted(desk.admin, desk.admin.post("/api/v2/organizations/create_many",
                "{\"organizations\":[" + String.join(",", records.stream().map(r -> r.apply(batchToken)).toList()) + "]}"));
        List<Long> batchIds = new ArrayList<>();
        List<Result> batch = new ArrayList<>();
        for (JsonNode result : job.get("results").values()) {
            batchIds.add(result.get("status").stringValue().equals("Created") ? result.get("id").longValue() : null);
            batch.add(new Result(result.get("status").stringValue(), text(result, "error"), text(result, "rule"), text(result, "details")));
        }
        String singleToken = Desk.unique("s").toLowerCase();
        List<Long> singleIds = new ArrayList<>();
        List<Result> single = new ArrayList<>();
        for (Function<String, String> record : records) {
            Reply reply = desk.admin.post("/api/v2/organizations", "{\"organization\":" + record.apply(singleToken) + "}");
            singleIds.add(reply.status() == 201 ? reply.id("organization") : null);
            single.add(reply.status() == 201 ? new Result("Created", null, null, null) : refusal(reply));
        }

        assertThat(batch.stream().map(Result::status).toList())
                .containsExactly("Created", "Failed", "Failed", "Failed", "Failed", "Failed", "Created");
        assertThat(batch.get(3).rule()).isEqualTo("DIR-1");
        assertThat(batch.get(5).rule()).isEqualTo("DIR-1");
        assertThat(normalized(batch, batchToken, batchIds)).isEqualTo(normalized(single, singleToken, singleIds));
        assertThat(desk.admin.get("/api/v2/organizations/" + batchIds.get(6)).at("/organization/domain_names/0").stringValue())
                .isEqualTo("initech-" + batchToken + ".test");
    }

    private static String organization(String name, String externalId, String domain) {
        return "{\"name\":\"%s\"%s%s,\"organization_fields\":{\"org_type\":\"customer\"}}".formatted(name,
                externalId == null ? "" : ",\"external_id\":\"" + externalId + "\"",
                domain == null ? "" : ",\"domain_names\":[\"" + domain + "\"]");
    }

    private static String user(String name, String email, String externalId, Long organizationId, Long managerId) {
        return "{\"name\":\"%s\",\"email\":\"%s\"%s%s%s}".formatted(name, email,
                externalId == null ? "" : ",\"external_id\":\"" + externalId + "\"",
                organizationId == null ? "" : ",\"organization_id\":" + organizationId,
                managerId == null ? "" : ",\"manager_id\":" + managerId);
    }

    // a single create's error reply, read as a job result reads the same refusal: the fields' own descriptions after its own
    private static Result refusal(Reply reply) {
        JsonNode json = reply.json();
        String description = json.get("description").stringValue();
        StringBuilder details = new StringBuilder(description);
        String rule = null;
        for (Map.Entry<String, JsonNode> field : json.path("details").properties()) {
            for (JsonNode error : field.getValue().values()) {
                String text = error.get("description").stringValue();
                if (!description.contains(text)) {
                    details.append(details.isEmpty() ? "" : "; ").append(field.getKey()).append(' ').append(text);
                }
                if (rule == null && error.get("error").stringValue().matches("[A-Z]{2,}-\\d+")) {
                    rule = error.get("error").stringValue();
                }
            }
        }
        return new Result("Failed", json.get("error").stringValue(), rule, details.toString());
    }

    // the runs differ in their unique token and in the ids they gave: each created user is named by its record's place
    private static List<Result> normalized(List<Result> results, String token, List<Long> ids) {
        return results.stream().map(result -> {
            String details = result.details();
            if (details != null) {
                details = details.replace(token, "TOKEN");
                for (int i = 0; i < ids.size(); i++) {
                    if (ids.get(i) != null) {
                        details = details.replaceAll("\\b" + ids.get(i) + "\\b", "record-" + i);
                    }
                }
            }
            return new Result(result.status(), result.error(), result.rule(), details);
        }).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }
}
