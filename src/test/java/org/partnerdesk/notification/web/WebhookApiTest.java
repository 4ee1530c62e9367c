package org.partnerdesk.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #17 item 7: Zendesk's Webhooks API, for admins only; the signing secret is shown on its own endpoint and nowhere else. */
class WebhookApiTest extends ApiTest {

    private static final String INACTIVE = """
            {"webhook":{"name":"CRM sync","endpoint":"https://crm.example.test/zendesk","http_method":"POST","request_format":"json",
             "status":"inactive","subscriptions":["zen:event-type:ticket.created","conditional_ticket_events"]}}""";

    @Autowired
    JdbcClient db;

    @Test
    void anAdminCreatesShowsListsChangesAndDeletesAWebhook() {
        Reply created = desk.admin.post("/api/v2/webhooks", INACTIVE);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.at("/webhook/id").stringValue();
        assertThat(id).matches("\\d+");
        assertThat(created.at("/webhook/name").stringValue()).isEqualTo("CRM sync");
        assertThat(created.at("/webhook/subscriptions").valueStream().map(s -> s.stringValue()).toList())
                .containsExactly("zen:event-type:ticket.created", "conditional_ticket_events");
        assertThat(created.text()).doesNotContain("secret");
        assertThat(desk.admin.get("/api/v2/webhooks/" + id).at("/webhook/endpoint").stringValue()).isEqualTo("https://crm.example.test/zendesk");
        assertThat(desk.admin.get("/api/v2/webhooks?page[size]=100").text()).contains("\"id\":\"" + id + "\"").doesNotContain("secret");

        Reply patched = desk.admin.send("PATCH", "/api/v2/webhooks/" + id, """
                {"webhook":{"name":"CRM sync (EU)","subscriptions":["zen:event-type:ticket.comment_added"]}}""");
        Reply put = desk.admin.put("/api/v2/webhooks/" + id, """
                {"webhook":{"endpoint":"http://crm.example.test/eu"}}""");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        Reply shown = desk.admin.get("/api/v2/webhooks/" + id);
        assertThat(shown.at("/webhook/name").stringValue()).isEqualTo("CRM sync (EU)");
        assertThat(shown.at("/webhook/endpoint").stringValue()).isEqualTo("http://crm.example.test/eu");
        assertThat(shown.at("/webhook/status").stringValue()).isEqualTo("inactive");
        assertThat(shown.at("/webhook/subscriptions/0").stringValue()).isEqualTo("zen:event-type:ticket.comment_added");

        assertThat(desk.admin.delete("/api/v2/webhooks/" + id).status()).isEqualTo(204);
        assertThat(desk.admin.get("/api/v2/webhooks/" + id).status()).isEqualTo(404);
        assertThat(db.sql("select action from webhook_audits where webhook_id = ? order by id").param(Long.parseLong(id))
                .query(String.class).list()).containsExactly("create", "update", "update", "delete");
        assertThat(db.sql("select count(*) from webhook_audits where webhook_id = ? and changes::text like '%secret%'")
                .param(Long.parseLong(id)).query(Long.class).single()).isZero();
    }

    @Test
    void theSigningSecretIsTheAdminsAndAResetReplacesIt() {
        String id = desk.admin.post("/api/v2/webhooks", INACTIVE).at("/webhook/id").stringValue();

        Reply secret = desk.admin.get("/api/v2/webhooks/" + id + "/signing_secret");
        Reply reset = desk.admin.post("/api/v2/webhooks/" + id + "/signing_secret", "");

        assertThat(secret.at("/signing_secret/algorithm").stringValue()).isEqualTo("SHA256");
        assertThat(secret.at("/signing_secret/secret").stringValue()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(reset.status()).isEqualTo(201);
        assertThat(reset.at("/signing_secret/secret").stringValue()).isNotEqualTo(secret.at("/signing_secret/secret").stringValue());
        assertThat(desk.admin.get("/api/v2/webhooks/" + id + "/signing_secret").at("/signing_secret/secret").stringValue())
                .isEqualTo(reset.at("/signing_secret/secret").stringValue());
        for (ApiClient other : List.of(desk.agent().api(), desk.endUserIn(desk.aCustomer()).api(), desk.endUserIn(desk.aPartner("open")).api())) {
            Reply refused = other.get("/api/v2/webhooks/" + id + "/signing_secret");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).doesNotContain(reset.at("/signing_secret/secret").stringValue());
        }
        assertThat(desk.anonymous().get("/api/v2/webhooks/" + id + "/signing_secret").status()).isEqualTo(401);
    }

    @Test
    void agentsEndUsersPartnersAndNobodyCannotUseAnyWebhookEndpoint() {
        String id = desk.admin.post("/api/v2/webhooks", INACTIVE).at("/webhook/id").stringValue();
        List<String[]> calls = List.of(new String[] {"GET", "/api/v2/webhooks"}, new String[] {"POST", "/api/v2/webhooks"},
                new String[] {"GET", "/api/v2/webhooks/" + id}, new String[] {"PUT", "/api/v2/webhooks/" + id},
                new String[] {"PATCH", "/api/v2/webhooks/" + id}, new String[] {"DELETE", "/api/v2/webhooks/" + id},
                new String[] {"GET", "/api/v2/webhooks/" + id + "/signing_secret"},
                new String[] {"POST", "/api/v2/webhooks/" + id + "/signing_secret"},
                new String[] {"GET", "/api/v2/webhooks/" + id + "/invocations"});
        List<ApiClient> refused = List.of(desk.agent().api(), desk.endUserIn(desk.aCustomer()).api(),
                desk.endUserIn(desk.aPartner("select")).api(), desk.stranger().api());

        for (String[] call : calls) {
            String body = call[0].equals("GET") || call[0].equals("DELETE") ? null : INACTIVE;
            assertThat(desk.anonymous().send(call[0], call[1], body).status()).as(call[0] + " " + call[1]).isEqualTo(401);
            for (ApiClient caller : refused) {
                Reply reply = caller.send(call[0], call[1], body);
                assertThat(reply.status()).as(call[0] + " " + call[1] + " " + reply).isEqualTo(403);
                assertThat(reply.at("/error").stringValue()).isEqualTo("Forbidden");
            }
        }
        assertThat(desk.admin.get("/api/v2/webhooks/" + id).at("/webhook/name").stringValue()).isEqualTo("CRM sync");
    }

    @Test
    void anAgentsInvalidWebhookIsRefusedForWhoTheyAreNotForTheBody() {
        Reply refused = desk.agent().api().post("/api/v2/webhooks", """
                {"webhook":{"endpoint":"file:///etc/passwd"}}""");

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void anEndpointThatIsNotAnHttpOrHttpsUrlIsRefused() {
        for (String endpoint : List.of("ftp://crm.example.test/in", "file:///etc/passwd", "javascript:alert(1)", "crm.example.test/in",
                "https://user:pw@crm.example.test/in", "http:///no-host", "https://exa mple.test")) {
            Reply refused = desk.admin.post("/api/v2/webhooks", INACTIVE.replace("https://crm.example.test/zendesk", endpoint));

            assertThat(refused.status()).as(endpoint + " " + refused).isEqualTo(422);
            assertThat(refused.at("/details/endpoint/0/error").stringValue()).isEqualTo("invalid_value");
        }
        String id = desk.admin.post("/api/v2/webhooks", INACTIVE).at("/webhook/id").stringValue();
        Reply changed = desk.admin.send("PATCH", "/api/v2/webhooks/" + id, """
                {"webhook":{"endpoint":"gopher://crm.example.test"}}""");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(desk.admin.get("/api/v2/webhooks/" + id).at("/webhook/endpoint").stringValue()).isEqualTo("https://crm.example.test/zendesk");
    }

    @Test
    void anEndpointOnAnInternalAddressIsRefusedByDefaultAndChangesNothing() {
        long before = db.sql("select count(*) from webhooks").query(Long.class).single();
        for (String endpoint : List.of("http://127.0.0.1:8080/hooks", "http://169.254.169.254/latest/meta-data/", "https://10.0.0.1/in",
                "http://[::1]/hooks", "http://localhost/hooks", "http://192.168.1.20/in", "http://172.16.0.1/in", "http://[fd00::1]/in",
                "http://0.0.0.0/in", "http://[::ffff:127.0.0.1]/in", "http://100.100.100.200/latest/meta-data/")) {
            Reply refused = desk.admin.post("/api/v2/webhooks", INACTIVE.replace("https://crm.example.test/zendesk", endpoint));

            assertThat(refused.status()).as(endpoint + " " + refused).isEqualTo(422);
            assertThat(refused.at("/details/endpoint/0/error").stringValue()).isEqualTo("invalid_value");
            assertThat(refused.at("/details/endpoint/0/description").stringValue()).as(endpoint)
                    .contains("internal address").contains("partnerdesk.webhooks.allow-internal-addresses");
        }
        assertThat(db.sql("select count(*) from webhooks").query(Long.class).single()).isEqualTo(before);

        String id = desk.admin.post("/api/v2/webhooks", INACTIVE).at("/webhook/id").stringValue();
        Reply metadata = desk.admin.send("PATCH", "/api/v2/webhooks/" + id, """
                {"webhook":{"endpoint":"http://169.254.169.254/latest/meta-data/"}}""");
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(422);
        assertThat(metadata.at("/details/endpoint/0/description").stringValue()).contains("link-local");
        assertThat(desk.admin.get("/api/v2/webhooks/" + id).at("/webhook/endpoint").stringValue()).isEqualTo("https://crm.example.test/zendesk");
        assertThat(db.sql("select action from webhook_audits where webhook_id = ? order by id").param(Long.parseLong(id))
                .query(String.class).list()).containsExactly("create");
    }

    @Test
    void aWebhookWithoutItsRequiredFieldsOrWithUnknownEventsIsRefused() {
        Reply empty = desk.admin.post("/api/v2/webhooks", """
                {"webhook":{}}""");
        Reply unknown = desk.admin.post("/api/v2/webhooks", INACTIVE.replace("conditional_ticket_events", "zen:event-type:user.created"));
        Reply method = desk.admin.post("/api/v2/webhooks", INACTIVE.replace("\"POST\"", "\"GET\""));
        Reply noRoot = desk.admin.post("/api/v2/webhooks", """
                {"name":"x"}""");

        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("details").propertyNames()).contains("name", "endpoint", "status", "subscriptions");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.at("/details/subscriptions/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(method.status()).isEqualTo(422);
        assertThat(method.at("/details/http_method/0/error").stringValue()).isEqualTo("invalid_value");
        assertThat(noRoot.status()).isEqualTo(400);
        assertThat(desk.admin.get("/api/v2/webhooks/999999999").status()).isEqualTo(404);
        assertThat(desk.admin.get("/api/v2/webhooks/999999999/invocations").status()).isEqualTo(404);
        assertThat(desk.admin.post("/api/v2/webhooks/999999999/signing_secret", "").status()).isEqualTo(404);
    }
}
