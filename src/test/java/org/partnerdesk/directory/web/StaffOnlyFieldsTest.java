package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/**
 * DIR-1, DIR-2 (#10 item 13): an organization's notes and CRM account id, a user's CRM contact id and manager are the
 * vendor's. Staff read them on every path; an end user reading its own organization or itself gets them as null.
 */
class StaffOnlyFieldsTest extends ApiTest {

    @Test
    void endUserReadsItsOwnOrganizationWithoutTheNotesOrTheCrmAccountId() {
        Org acme = desk.aCustomer();
        String crmId = Desk.unique("001ACME");
        Reply noted = desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"external_id":"%s","notes":"Late payer; escalate renewals to finance"}}"""
                .formatted(crmId));
        assertThat(noted.status()).as(noted.toString()).isEqualTo(200);
        Account ann = desk.endUserIn(acme);

        JsonNode seen = ann.api().get("/api/v2/organizations/" + acme.id()).json().get("organization");

        assertThat(seen.get("name").stringValue()).isEqualTo(acme.name());
        assertThat(seen.get("notes").isNull()).as(seen.toString()).isTrue();
        assertThat(seen.get("external_id").isNull()).as(seen.toString()).isTrue();
        for (Account staff : List.of(desk.agent(), desk.anAdmin())) {
            JsonNode read = staff.api().get("/api/v2/organizations/" + acme.id()).json().get("organization");
            assertThat(read.get("notes").stringValue()).isEqualTo("Late payer; escalate renewals to finance");
            assertThat(read.get("external_id").stringValue()).isEqualTo(crmId);
        }
        JsonNode listed = desk.agent().api().get("/api/v2/organizations/search?external_id=" + crmId).json().get("organizations").get(0);
        assertThat(listed.get("notes").stringValue()).startsWith("Late payer");
    }

    @Test
    void endUserReadsItselfWithoutItsCrmContactIdOrItsManager() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account manager = desk.agent();
        String crmId = Desk.unique("003ANN");
        Reply set = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"external_id":"%s","manager_id":%d}}""".formatted(crmId, manager.id()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        for (String path : List.of("/api/v2/users/me", "/api/v2/users/" + ann.id())) {
            JsonNode seen = ann.api().get(path).json().get("user");
            assertThat(seen.get("email").stringValue()).isEqualTo(ann.email());
            assertThat(seen.get("external_id").isNull()).as(path + " " + seen).isTrue();
            assertThat(seen.get("manager_id").isNull()).as(path + " " + seen).isTrue();
        }
        JsonNode read = desk.agent().api().get("/api/v2/users/" + ann.id()).json().get("user");
        assertThat(read.get("external_id").stringValue()).isEqualTo(crmId);
        assertThat(read.get("manager_id").longValue()).isEqualTo(manager.id());
        JsonNode found = desk.agent().api().get("/api/v2/users/search?query=" + ann.email()).json().get("users").get(0);
        assertThat(found.get("external_id").stringValue()).isEqualTo(crmId);
    }
}
