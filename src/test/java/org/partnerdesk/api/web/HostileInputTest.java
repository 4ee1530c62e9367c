package org.partnerdesk.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * #10: hostile values (NUL, unpaired surrogates, bytes that are not UTF-8, long strings, deep nesting, wrong types,
 * numbers and dates out of range) in every field of every JSON endpoint the OpenAPI document lists, and in the query
 * parameters and ids of every other one. The answer is never a 5xx, a refusal is in the error shape, and a refused
 * write changes no row of the main tables. Request bodies are untyped in the OpenAPI document ({@code JsonNode}), so
 * each endpoint's documented example body is below; an endpoint without one fails the test until it gets one.
 */
class HostileInputTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String MARK = "__hostile__";
    private static final String TABLES = "tickets ticket_comments organizations users organization_memberships group_memberships "
            + "subscriptions nfr_licenses certifications nfr_requests nfr_exceptions nfr_exception_decisions api_tokens "
            + "star_requests partner_applications portal_access_requests billing_accounts sign_in_invitations user_passwords "
            + "upload_links crm_imports email_confirmations";
    /** PO-1, PO-2: asked without a sign-in; each request comes from another address, as the limits per client count. */
    private static final List<String> ANONYMOUS = List.of("POST /api/v2/partner_applications", "POST /api/v2/portal_access_requests",
            "POST /api/v2/sign_in_invitations/accept", "POST /api/v2/email_confirmations/confirm");

    /** Raw JSON put in place of one value of an example body. */
    private static final List<byte[]> HOSTILE_VALUES = List.of(
            utf8("\"a\\u0000b\""), utf8("\"x\\ud800y\""), bytes(utf8("\"a"), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3}, utf8("\"")),
            utf8("\"" + "x".repeat(100_000) + "\""), utf8("[".repeat(10_000) + "]".repeat(10_000)),
            utf8("12345"), utf8("-1"), utf8("1.5"), utf8("1e400"), utf8("9223372036854775808"), utf8("-9223372036854775809"),
            utf8("true"), utf8("{}"), utf8("[]"), utf8("null"), utf8("\"\""), utf8("\"+999999999-12-31\""), utf8("\"0000-01-01\""),
            utf8("\"9999-99-99\""), utf8("\"+999999999-12-31T23:59:59Z\""), utf8("\"\\u202e\\u0007\""));

    /** Whole bodies, whatever the endpoint. */
    private static final List<byte[]> HOSTILE_BODIES = List.of(
            new byte[0], utf8("null"), utf8("[]"), utf8("\"text\""), utf8("{}"), utf8("12"), utf8("{\"a\":1"), utf8("{\"\\u0000\":{}}"),
            bytes(new byte[] {(byte) 0xff, (byte) 0xfe}, utf8("{}")), utf8("[".repeat(10_000) + "]".repeat(10_000)),
            utf8("{\"x\":\"" + "y".repeat(1 << 20) + "\"}"));

    /** Query values, raw (already percent-encoded where it matters). */
    private static final List<String> HOSTILE_PARAMETERS = List.of("%00", "a%00b", "%ff%fe%c3", "-1", "99999999999999999999",
            "garbage", "%2B999999999-12-31T23%3A59%3A59Z", "x".repeat(2_000), "%27%22%3B--");

    /** Parameters an endpoint reads from the request without declaring them in the OpenAPI document. */
    private static final Map<String, List<String>> UNDECLARED = Map.of(
            "GET /api/v2/views/tickets", List.of("status", "group_id", "assignee_id", "organization_id", "partner_id", "flag", "sort"));

    /** Issue #17: lists of ids (show_many, destroy_many, restore_many): empty, gaps, non-numeric, over Zendesk's 100. */
    private static final List<String> HOSTILE_ID_LISTS = List.of("", "%2C", "1%2C%2C2", "1%2Cabc", "1%2C-1",
            String.join("%2C", java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(Integer::toString).toList()));

    private static final List<String> HOSTILE_IDS = List.of("0", "-1", "99999999999999999999", "abc", "1.5", "%00", "%ff", "1e3");

    @Autowired
    JdbcClient db;

    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Map<String, Long> ids = new LinkedHashMap<>();
    private Map<String, Long> rows = Map.of();

    @TestFactory
    Stream<DynamicTest> noHostileValueInAnyFieldOfAnyEndpointIsAServerErrorOrChangesAnything() {
        arrange();
        rows = counts();
        JsonNode paths = JSON.readTree(desk.anonymous().get("/v3/api-docs").text()).get("paths");
        List<DynamicTest> tests = new ArrayList<>();
        for (var path : paths.properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue; // the Support Uploader's tus paths are binary, with their own tests (SupportUploaderTest)
            }
            for (var operation : path.getValue().properties()) {
                String endpoint = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode declared = operation.getValue();
                tests.add(DynamicTest.dynamicTest(endpoint, () -> attack(endpoint, declared)));
            }
        }
        return tests.stream();
    }

    private void attack(String endpoint, JsonNode declared) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        List<String> failures = new ArrayList<>();
        if (declared.has("requestBody")) {
            String example = examples.get(endpoint);
            assertThat(example).as("an example body for " + endpoint + " (add one to HostileInputTest.arrange)").isNotNull();
            String id = examples.get(endpoint + "#id");
            String filledPath = filled(id == null ? path : path.replace("{id}", id));
            for (byte[] body : HOSTILE_BODIES) {
                send(method, filledPath, endpoint, body, "the body " + shown(body), failures);
            }
            JsonNode template = JSON.readTree(example);
            for (List<Object> field : fields(template, new ArrayList<>())) {
                for (byte[] value : HOSTILE_VALUES) {
                    send(method, filledPath, endpoint, withValue(template, field, value), field + " = " + shown(value), failures);
                }
            }
        } else {
            for (String query : queries(endpoint, declared)) {
                send(method, filled(path) + "?" + query, endpoint, method.equals("GET") || method.equals("DELETE") ? null : utf8("{}"),
                        "?" + shown(utf8(query)), failures);
            }
            if (path.contains("{")) {
                for (String id : HOSTILE_IDS) {
                    send(method, path.replaceAll("\\{[^}]+}", id), endpoint, method.equals("GET") || method.equals("DELETE") ? null : utf8("{}"),
                            "id " + id, failures);
                }
            }
        }
        assertThat(failures).as(endpoint).isEmpty();
    }

    /** The query strings to try: each declared parameter, and the pagination ones, with each hostile value. */
    private static List<String> queries(String endpoint, JsonNode declared) {
        List<String> names = new ArrayList<>(List.of("page%5Bsize%5D", "page%5Bafter%5D"));
        names.addAll(UNDECLARED.getOrDefault(endpoint, List.of()));
        for (JsonNode parameter : declared.path("parameters")) {
            if (parameter.path("in").stringValue("").equals("query")) {
                names.add(parameter.get("name").stringValue());
            }
        }
        List<String> queries = new ArrayList<>();
        for (String name : names) {
            for (String value : HOSTILE_PARAMETERS) {
                queries.add(name + "=" + value);
            }
            if (name.equals("ids")) {
                HOSTILE_ID_LISTS.forEach(value -> queries.add("ids=" + value));
            }
        }
        String farFuture = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8("key:1:+999999999-12-31T23:59:59Z"));
        String hugeId = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8("id:99999999999999999999"));
        queries.addAll(List.of("page%5Bafter%5D=" + farFuture, "page%5Bafter%5D=" + hugeId, "sort=sla_due&page%5Bafter%5D=" + farFuture,
                "query=created%3E%2B999999999-12-31T23%3A59%3A59Z", "query=status%3A%00", "%00=1", "%ff=1"));
        return queries;
    }

    private void send(String method, String path, String endpoint, byte[] body, String hostile, List<String> failures) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ANONYMOUS.contains(endpoint)) {
            request.header("X-Forwarded-For", "203.0." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current().nextInt(254)));
        } else {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8(ADMIN_EMAIL + "/token:" + ADMIN_TOKEN)));
        }
        HttpResponse<String> response = ApiClient.exchange(HTTP, request.build(), HttpResponse.BodyHandlers.ofString());
        String what = endpoint + " with " + hostile;
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + shown(utf8(response.body())));
        } else if (status >= 400 && !isErrorShape(response.body())) {
            failures.add(what + " -> " + status + " not in the error shape: " + shown(utf8(response.body())));
        }
        if (body == null) {
            return; // a read changes nothing to count
        }
        if (status < 300 && response.body().contains("\"job_status\"")) {
            awaitJob(JSON.readTree(response.body()).at("/job_status/id").stringValue());
        }
        // the rows as the last request left them: a refusal must leave them so, an accepted write moves them on
        Map<String, Long> now = counts();
        if (status >= 400 && !now.equals(rows)) {
            failures.add(what + " -> " + status + " but rows changed: " + rows + " -> " + now);
        }
        rows = now;
    }

    // issue #17 item 3: a bulk request's records are written by its job, after the answer
    private void awaitJob(String id) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (java.time.Instant.now().isBefore(deadline)
                && !desk.admin.get("/api/v2/job_statuses/" + id).at("/job_status/status").stringValue().equals("completed")) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isErrorShape(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("error").isString() && json.path("description").isString();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Map<String, Long> counts() {
        StringBuilder sql = new StringBuilder("select ");
        String[] tables = TABLES.split(" ");
        for (int i = 0; i < tables.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("(select count(*) from ").append(tables[i]).append(")");
        }
        return db.sql(sql.toString()).query((rs, n) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < tables.length; i++) {
                counts.put(tables[i], rs.getLong(i + 1));
            }
            return counts;
        }).single();
    }

    /** Every value of the example, as a path of names and indexes, containers included. */
    private static List<List<Object>> fields(JsonNode node, List<Object> at) {
        List<List<Object>> found = new ArrayList<>();
        if (node.isObject()) {
            for (var property : node.properties()) {
                List<Object> child = new ArrayList<>(at);
                child.add(property.getKey());
                found.add(child);
                found.addAll(fields(property.getValue(), child));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(at);
                child.add(i);
                found.add(child);
                found.addAll(fields(node.get(i), child));
            }
        }
        return found;
    }

    private byte[] withValue(JsonNode template, List<Object> field, byte[] value) {
        JsonNode copy = JSON.readTree(fresh(template.toString()));
        JsonNode parent = copy;
        for (Object step : field.subList(0, field.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = field.getLast();
        if (parent instanceof ObjectNode object) {
            object.put((String) last, MARK);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, JSON.getNodeFactory().stringNode(MARK));
        }
        String json = copy.toString();
        int at = json.indexOf("\"" + MARK + "\"");
        return bytes(utf8(json.substring(0, at)), value, utf8(json.substring(at + MARK.length() + 2)));
    }

    private String filled(String path) {
        String filled = path;
        for (var id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
        }
        return filled.replaceAll("\\{[^}]+}", "999999999");
    }

    /** A new e-mail address and name in every request, so an accepted one does not make the next a duplicate. */
    private static String fresh(String json) {
        String unique = Desk.unique("h").toLowerCase();
        return json.replace("{email}", unique + "@hostile.test").replace("{name}", unique);
    }

    /** The records the examples name, and the documented example body of every JSON endpoint (docs/api.md). */
    private void arrange() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Org resellCo = desk.aPartner("select");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(resellCo);
        long ticket = desk.admin.post("/api/v2/tickets", """
                {"ticket":{"subject":"hostile","comment":{"body":"b"},"requester_id":%d,"ticket_form_id":%d}}"""
                .formatted(ann.id(), Desk.SUPPORT_FORM)).id("ticket");
        long subscription = desk.subscribe(acme, "starter");
        ids.put("id", 999999999L);
        ids.put("ticketId", ticket);
        ids.put("userId", ann.id());
        ids.put("organizationId", acme.id());
        String values = "org=" + acme.id() + ",partner=" + resellCo.id() + ",user=" + ann.id() + ",partner_user=" + sam.id();
        example("PUT /api/v2/users/{id}", ann.id(), """
                {"user":{"name":"Ann","email":"{email}","role":"end-user","organization_id":{org},"external_id":"{name}","manager_id":null}}""");
        example("PUT /api/v2/tickets/{id}", ticket, """
                {"ticket":{"subject":"s","status":"open","priority":"high","type":"question","tags":["a"],"requester_id":{user},
                 "assignee_id":null,"group_id":null,"comment":{"body":"b","public":true,"uploads":["t"]},
                 "email_ccs":[{"user_email":"{email}","action":"put"}],"collaborator_ids":[{user}],"collaborators":["{email}"],
                 "custom_fields":[{"id":360012194200,"value":"{email}"}],"cc_reason":"r"}}""");
        example("PUT /api/v2/subscriptions/{id}", subscription, """
                {"subscription":{"plan":"premium","seats":10,"starts_on":"2026-01-01","ends_on":"2026-12-31",
                 "purchased_through_organization_id":{partner}}}""");
        example("PUT /api/v2/organizations/{id}", acme.id(), """
                {"organization":{"name":"{name}","notes":"n","domain_names":["{name}.test"],"shared_tickets":false,"external_id":"{name}",
                 "organization_fields":{"org_type":"customer","partner_track":null,"track_compliant":true,"parent_company":"p",
                 "special_process":"sp","chat_webhook_url":"https://chat.test/x"}}}""");
        example("POST /api/v2/users", null, """
                {"user":{"name":"N","email":"{email}","role":"end-user","organization_id":{org},"external_id":"{name}"}}""");
        example("POST /api/v2/tickets", null, """
                {"ticket":{"subject":"s","comment":{"body":"b","uploads":["t"]},"description":"d","ticket_form_id":360000818199,
                 "priority":"normal","type":"question","status":"new","tags":["t"],"requester_id":{user},
                 "custom_fields":[{"id":360012194200,"value":"{email}"},{"id":360012194240,"value":"on_behalf_of_customer"}],
                 "email_ccs":[{"user_email":"{email}"}],"collaborator_ids":[{user}]}}""");
        // issue #15: the dry run takes the create body as it is
        example("POST /api/v2/tickets/preview", null, examples.get("POST /api/v2/tickets"));
        // issue #17: the tags endpoints take Zendesk's body without a root object
        example("PUT /api/v2/tickets/{id}/tags", ticket, """
                {"tags":["a"]}""");
        example("POST /api/v2/tickets/{id}/tags", ticket, """
                {"tags":["a"]}""");
        example("DELETE /api/v2/tickets/{id}/tags", ticket, """
                {"tags":["a"]}""");
        // issue #17 item 4: the Requests API's bodies; the admin filed this request, so it is theirs to write to
        long request = desk.admin.post("/api/v2/requests", """
                {"request":{"subject":"hostile request","comment":{"body":"b"},"ticket_form_id":%d}}""".formatted(Desk.SUPPORT_FORM)).id("request");
        example("POST /api/v2/requests", null, """
                {"request":{"subject":"s","comment":{"body":"b","uploads":["t"],"public":true},"description":"d","ticket_form_id":360000818199,
                 "priority":"normal","type":"question","requester":{"name":"n","email":"{email}"},"requester_id":{user},
                 "custom_fields":[{"id":360012194240,"value":"on_behalf_of_customer"}],"email_ccs":[{"user_email":"{email}"}],
                 "collaborators":["{email}"],"collaborator_ids":[{user}]}}""");
        example("PUT /api/v2/requests/{id}", request, """
                {"request":{"comment":{"body":"b","uploads":["t"],"public":true},"solved":true,"email_ccs":[{"user_email":"{email}","action":"put"}],
                 "collaborators":["{email}"],"additional_collaborators":["{email}"],"collaborator_ids":[{user}]}}""");
        example("POST /api/v2/tickets/{id}/alliance_messages", ticket, """
                {"alliance_message":{"kind":"escalation","text":"t"}}""");
        example("POST /api/v2/subscriptions", null, """
                {"subscription":{"organization_id":{org},"plan":"premium","seats":50,"starts_on":"2026-01-01","ends_on":"2026-12-31",
                 "purchased_through_organization_id":{partner}}}""");
        example("POST /api/v2/star_requests", null, """
                {"star_request":{"ticket_id":%d,"urgency":"urgent","plan":"p","reason":"r","desired_result":"d"}}""".formatted(ticket));
        example("POST /api/v2/star_requests/{id}/unstar", null, """
                {"unstar":{"reason":"r","alternative_path":"a"}}""");
        example("POST /api/v2/sign_in_invitations/accept", null, """
                {"sign_in_invitation":{"token":"t","password":"p"}}""");
        example("POST /api/v2/email_confirmations/confirm", null, """
                {"email_confirmation":{"token":"t"}}""");
        example("POST /api/v2/portal_access_requests", null, """
                {"portal_access_request":{"organization_id":{partner},"name":"N","email":"{email}"}}""");
        example("POST /api/v2/portal_access_requests/{id}/decline", null, """
                {"decline":{"reason":"r"}}""");
        example("POST /api/v2/portal_access_requests/{id}/approve", null, """
                {"approval":{"reason":"r"}}""");
        example("POST /api/v2/partner_applications", null, """
                {"partner_application":{"company":"{name}","parent_company":"p","contact_name":"n","contact_email":"{email}",
                 "authorized_signatory":false,"agreement":"questions","questions":"q","manual_reason":"m"}}""");
        example("POST /api/v2/partner_applications/{id}/decline", null, """
                {"decline":{"reason":"r"}}""");
        example("POST /api/v2/partner_applications/{id}/approve", null, """
                {"approval":{"reason":"r"}}""");
        example("POST /api/v2/organizations", null, """
                {"organization":{"name":"{name}","domain_names":["{name}.test"],"notes":"n",
                 "organization_fields":{"org_type":"partner","partner_track":"open","parent_company":"p"}}}""");
        example("POST /api/v2/organization_memberships", null, """
                {"organization_membership":{"user_id":{partner_user},"organization_id":{partner}}}""");
        example("POST /api/v2/nfr_requests", null, """
                {"nfr_request":{"plan":"ultimate","users":5,"deployment":"saas","comment":"c"}}""");
        example("POST /api/v2/nfr_licenses", null, """
                {"nfr_license":{"organization_id":{partner},"plan":"ultimate","users":10,"starts_on":"2026-01-01","ends_on":"2026-12-31"}}""");
        example("POST /api/v2/nfr_exceptions", null, """
                {"nfr_exception":{"nfr_request_id":1,"users":20,"business_justification":"j"}}""");
        example("POST /api/v2/nfr_exceptions/{id}/decisions", null, """
                {"decision":{"verdict":"approve","comment":"c"}}""");
        example("POST /api/v2/group_memberships", null, """
                {"group_membership":{"user_id":{user},"group_id":1}}""");
        example("POST /api/v2/certifications", null, """
                {"certification":{"organization_id":{partner},"user_id":{partner_user},"kind":"sales_core","passed_on":"2026-01-01",
                 "expires_on":"2027-01-01"}}""");
        example("POST /api/v2/billing_accounts", null, """
                {"billing_account":{"organization_id":{partner},"entity_name":"{name}","contact":{"name":"n","email":"{email}","address":"a"}}}""");
        example("POST /api/v2/api_tokens", null, """
                {"api_token":{"user_id":{user},"description":"d"}}""");
        // issue #17 item 3: bulk and upsert; a bulk request's job is awaited before the rows are counted (see send)
        example("POST /api/v2/users/create_or_update", null, examples.get("POST /api/v2/users"));
        example("POST /api/v2/users/create_many", null, """
                {"users":[{"name":"N","email":"{email}","role":"end-user","organization_id":{org},"external_id":"{name}"}]}""");
        example("POST /api/v2/users/create_or_update_many", null, examples.get("POST /api/v2/users/create_many"));
        example("POST /api/v2/organizations/create_or_update", null, examples.get("POST /api/v2/organizations"));
        example("POST /api/v2/organizations/create_many", null, """
                {"organizations":[{"name":"{name}","domain_names":["{name}.test"],"organization_fields":{"org_type":"customer"}}]}""");
        example("PUT /api/v2/tickets/update_many", null, """
                {"tickets":[{"id":%d,"status":"open","priority":"high","tags":["a"],"comment":{"body":"b"}}]}""".formatted(ticket));
        // issue #17 item 7: inactive, so the webhooks these examples make call nobody
        String webhook = """
                {"webhook":{"name":"n","description":"d","endpoint":"https://hooks.example.test/x","http_method":"POST",
                 "request_format":"json","status":"inactive","subscriptions":["zen:event-type:ticket.created","conditional_ticket_events"]}}""";
        long webhookId = Long.parseLong(desk.admin.post("/api/v2/webhooks", webhook).at("/webhook/id").stringValue());
        example("POST /api/v2/webhooks", null, webhook);
        example("PUT /api/v2/webhooks/{id}", webhookId, webhook);
        example("PATCH /api/v2/webhooks/{id}", webhookId, webhook);
        for (String value : values.split(",")) {
            String[] pair = value.split("=");
            examples.replaceAll((endpoint, body) -> body.replace("{" + pair[0] + "}", pair[1]));
        }
    }

    private void example(String endpoint, Long id, String body) {
        examples.put(endpoint, body);
        if (id != null) {
            examples.put(endpoint + "#id", String.valueOf(id));
        }
    }

    private static String shown(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        return text.length() <= 120 ? text : text.substring(0, 120) + "…(" + raw.length + " bytes)";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
