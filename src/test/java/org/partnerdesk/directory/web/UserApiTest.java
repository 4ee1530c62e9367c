package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** DIR-2 users through {@code /api/v2/users}: one case-insensitive e-mail, a role, an external id, one organization. */
class UserApiTest extends ApiTest {

    @Autowired
    JdbcClient db;

    @Test
    void adminCreatesUserInOrganizationWithRoleAndExternalId() {
        Org acme = desk.aCustomer();
        String email = Desk.unique("ann") + "@" + acme.domain();
        String externalId = Desk.unique("003");

        Reply created = desk.admin.post("/api/v2/users", """
                {"user":{"name":"Ann Example","email":"%s","role":"end-user","organization_id":%d,"external_id":"%s"}}"""
                .formatted(email, acme.id(), externalId));

        assertThat(created.status()).isEqualTo(201);
        long id = created.id("user");
        JsonNode read = desk.admin.get("/api/v2/users/" + id).json().get("user");
        assertThat(read.get("id").longValue()).isEqualTo(id);
        assertThat(read.get("name").stringValue()).isEqualTo("Ann Example");
        assertThat(read.get("email").stringValue()).isEqualTo(email);
        assertThat(read.get("role").stringValue()).isEqualTo("end-user");
        assertThat(read.get("organization_id").longValue()).isEqualTo(acme.id());
        assertThat(read.get("external_id").stringValue()).isEqualTo(externalId);
        assertThat(read.get("url").stringValue()).isEqualTo(baseUrl() + "/api/v2/users/" + id + ".json");
    }

    @Test
    void adminUpdatesNameRoleAndExternalIdAndTheRestStays() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        String externalId = Desk.unique("003");

        Reply updated = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"name":"Ann Agent","role":"agent","external_id":"%s"}}""".formatted(externalId));

        assertThat(updated.status()).isEqualTo(200);
        JsonNode read = desk.admin.get("/api/v2/users/" + ann.id()).json().get("user");
        assertThat(read.get("name").stringValue()).isEqualTo("Ann Agent");
        assertThat(read.get("role").stringValue()).isEqualTo("agent");
        assertThat(read.get("external_id").stringValue()).isEqualTo(externalId);
        assertThat(read.get("email").stringValue()).isEqualTo(ann.email());
        assertThat(read.get("organization_id").longValue()).isEqualTo(acme.id());
    }

    @Test
    void userReadsItselfAtMe() {
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply me = ann.api().get("/api/v2/users/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/user/id").longValue()).isEqualTo(ann.id());
        assertThat(me.at("/user/email").stringValue()).isEqualTo(ann.email());
        assertThat(desk.admin.get("/api/v2/users/me").at("/user/email").stringValue()).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void listingWalksEveryPageOfTheGivenSize() {
        Org acme = desk.aCustomer();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(desk.endUserIn(acme).id());
        }

        List<Long> seen = new ArrayList<>();
        int pages = 0;
        String next = "/api/v2/organizations/" + acme.id() + "/users?page[size]=2";
        while (next != null) {
            Reply page = desk.admin.get(next);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("users").size()).isLessThanOrEqualTo(2);
            page.json().get("users").forEach(user -> seen.add(user.get("id").longValue()));
            pages++;
            JsonNode link = page.at("/links/next");
            next = link.isNull() ? null : link.stringValue();
        }

        assertThat(seen).containsExactlyElementsOf(members);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listingAllUsersShowsEveryUserOnceInOrderAcrossPages() {
        List<Long> created = List.of(desk.stranger().id(), desk.stranger().id(), desk.stranger().id());

        List<Long> seen = new ArrayList<>();
        String next = "/api/v2/users.json?page[size]=7";
        while (next != null) {
            Reply page = desk.admin.get(next);
            page.json().get("users").forEach(user -> seen.add(user.get("id").longValue()));
            JsonNode link = page.at("/links/next");
            next = link.isNull() ? null : link.stringValue();
        }

        assertThat(seen).containsAll(created)
                .containsExactlyElementsOf(db.sql("select id from users order by id").query(Long.class).list());
    }

    @Test
    void searchFindsUserByEmailWhateverItsCase() {
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply found = desk.admin.get("/api/v2/users/search?query=" + ann.email().toUpperCase());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("users")).hasSize(1);
        assertThat(found.at("/users/0/id").longValue()).isEqualTo(ann.id());
    }

    @Test
    void searchWithoutQueryIsABadRequest() {
        Reply refused = desk.admin.get("/api/v2/users/search");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/error").stringValue()).isEqualTo("InvalidParameter");
    }

    @Test
    void emailInAnotherCaseIsTakenAndNothingIsCreated() {
        Account ann = desk.stranger();

        Reply refused = desk.admin.post("/api/v2/users", """
                {"user":{"name":"Ann Again","email":"%s","role":"end-user"}}""".formatted(ann.email().toUpperCase()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/error").stringValue()).isEqualTo("RecordInvalid");
        assertThat(refused.at("/details/email/0/error").stringValue()).isEqualTo("duplicate");
        Reply found = desk.admin.get("/api/v2/users/search?query=" + ann.email());
        assertThat(found.json().get("users")).hasSize(1);
        assertThat(found.at("/users/0/name").stringValue()).isEqualTo(ann.email());
    }

    @Test
    void changingEmailToAnotherUsersInAnotherCaseIsRefusedAndNothingChanges() {
        Account ann = desk.stranger();
        Account bob = desk.stranger();

        Reply refused = desk.admin.put("/api/v2/users/" + bob.id(), """
                {"user":{"name":"Bob Renamed","email":"%s"}}""".formatted(ann.email().toUpperCase()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/email/0/error").stringValue()).isEqualTo("duplicate");
        JsonNode read = desk.admin.get("/api/v2/users/" + bob.id()).json().get("user");
        assertThat(read.get("email").stringValue()).isEqualTo(bob.email());
        assertThat(read.get("name").stringValue()).isEqualTo(bob.email());
    }

    @Test
    void userMayChangeTheCaseOfItsOwnEmail() {
        Account ann = desk.stranger();

        Reply updated = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"email":"%s"}}""".formatted(ann.email().toUpperCase()));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.at("/user/email").stringValue()).isEqualTo(ann.email().toUpperCase());
    }

    @Test
    void externalIdIsUniqueAmongUsers() {
        String externalId = Desk.unique("003");
        Reply first = desk.admin.post("/api/v2/users", """
                {"user":{"name":"Ann","email":"%s","external_id":"%s"}}""".formatted(Desk.unique("ann") + "@people.test", externalId));
        assertThat(first.status()).isEqualTo(201);
        String secondEmail = Desk.unique("bob") + "@people.test";

        Reply refused = desk.admin.post("/api/v2/users", """
                {"user":{"name":"Bob","email":"%s","external_id":"%s"}}""".formatted(secondEmail, externalId));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/external_id/0/error").stringValue()).isEqualTo("duplicate");
        assertThat(desk.admin.get("/api/v2/users/search?query=" + secondEmail).json().get("users")).isEmpty();
    }

    @Test
    void newUserWithoutRoleIsAnEndUser() {
        Reply created = desk.admin.post("/api/v2/users", """
                {"user":{"name":"Ann","email":"%s"}}""".formatted(Desk.unique("ann") + "@people.test"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/user/role").stringValue()).isEqualTo("end-user");
        assertThat(created.at("/user/organization_id").isNull()).isTrue();
    }

    @Test
    void nullRoleOnUpdateIsRefusedAndTheUserKeepsItsRole() {
        Account agent = desk.agent();

        Reply refused = desk.admin.put("/api/v2/users/" + agent.id(), """
                {"user":{"name":"Agent Renamed","role":null}}""");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/error").stringValue()).isEqualTo("RecordInvalid");
        assertThat(refused.at("/details/role/0/error").stringValue()).isEqualTo("blank");
        JsonNode read = desk.admin.get("/api/v2/users/" + agent.id()).json().get("user");
        assertThat(read.get("role").stringValue()).isEqualTo("agent");
        assertThat(read.get("name").stringValue()).isEqualTo(agent.email());
    }

    @Test
    void nullNameOrEmailOnUpdateIsRefusedAndNothingChanges() {
        Account ann = desk.stranger();

        Reply refused = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"name":null,"email":null,"role":"agent"}}""");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/name/0/error").stringValue()).isEqualTo("blank");
        assertThat(refused.at("/details/email/0/error").stringValue()).isEqualTo("blank");
        JsonNode read = desk.admin.get("/api/v2/users/" + ann.id()).json().get("user");
        assertThat(read.get("name").stringValue()).isEqualTo(ann.email());
        assertThat(read.get("email").stringValue()).isEqualTo(ann.email());
        assertThat(read.get("role").stringValue()).isEqualTo("end-user");
    }

    @Test
    void unknownUserIsNotFound() {
        Reply missing = desk.admin.get("/api/v2/users/999999999");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.at("/error").stringValue()).isEqualTo("RecordNotFound");
    }
}
