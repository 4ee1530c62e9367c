package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import tools.jackson.databind.JsonNode;

class TicketFormApiTest extends ApiTest {

    @Test
    void builtInFormsCarryTheirDefaultIds() {
        Reply forms = desk.agent().api().get("/api/v2/ticket_forms.json");

        assertThat(forms.status()).isEqualTo(200);
        assertThat(byName(forms.json().get("ticket_forms"), "Open Partner").get("id").longValue()).isEqualTo(360000818199L);
        assertThat(byName(forms.json().get("ticket_forms"), "Select Partner").get("id").longValue()).isEqualTo(360000837100L);
        assertThat(byName(forms.json().get("ticket_forms"), "Alliance Partner").get("id").longValue()).isEqualTo(360001172559L);
        assertThat(byName(forms.json().get("ticket_forms"), "Support").get("id").longValue()).isEqualTo(426148L);
        assertThat(byName(forms.json().get("ticket_forms"), "Licensing & Renewals").get("id").longValue()).isEqualTo(360000071293L);
        assertThat(names(forms.json().get("ticket_forms"))).contains("Partner Operations");
    }

    @Test
    void openPartnerFormAsksForTheCustomerContact() {
        Reply form = desk.agent().api().get("/api/v2/ticket_forms/360000818199");

        assertThat(form.json().at("/ticket_form/ticket_field_ids").valueStream().map(JsonNode::longValue).toList())
                .contains(360012194200L, 360012167579L, 360012194220L);
    }

    @Test
    void partnerFieldsHaveTheirTitlesTypesAndEngagementOptions() {
        JsonNode fields = desk.agent().api().get("/api/v2/ticket_fields").json().get("ticket_fields");

        assertThat(byTitle(fields, "Organization Email (partners)").get("id").longValue()).isEqualTo(360012194200L);
        assertThat(byTitle(fields, "Customer Name (partners)").get("id").longValue()).isEqualTo(360012167579L);
        assertThat(byTitle(fields, "Partner troubleshooting").get("type").stringValue()).isEqualTo("textarea");
        assertThat(byTitle(fields, "CC partner").get("type").stringValue()).isEqualTo("checkbox");
        assertThat(byTitle(fields, "Alliance partner ticket ID").get("type").stringValue()).isEqualTo("text");
        assertThat(byTitle(fields, "Partner engagement").get("custom_field_options").valueStream()
                .map(o -> o.get("value").stringValue()).toList())
                .containsExactly("on_behalf_of_customer", "services_engagement", "partner_commercial_work", "partner_internal_training");
    }

    @Test
    void formsNeedASignedInCaller() {
        assertThat(desk.anonymous().get("/api/v2/ticket_forms").status()).isEqualTo(401);
        assertThat(desk.anonymous().get("/api/v2/ticket_fields").status()).isEqualTo(401);
    }

    @Test
    void unknownFormIsNotFound() {
        assertThat(desk.agent().api().get("/api/v2/ticket_forms/42").status()).isEqualTo(404);
    }

    private static JsonNode byName(JsonNode list, String name) {
        return list.valueStream().filter(f -> f.get("name").stringValue().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode byTitle(JsonNode list, String title) {
        return list.valueStream().filter(f -> f.get("title").stringValue().equals(title)).findFirst().orElseThrow();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(f -> names.add(f.get("name").stringValue()));
        return names;
    }
}
