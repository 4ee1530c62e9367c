package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17: {@code /users/show_many}, {@code /organizations/show_many} (once read as an id: 400) and the organization
 * memberships of one user or organization, scoped as the show endpoints are (#10).
 */
class DirectoryListsTest extends ApiTest {

    @Test
    void agentShowsManyUsersAndOrganizationsAtOnceEachOnceInIdOrder() {
        Org acme = desk.aCustomer();
        Org globex = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(globex);
        ApiClient agent = desk.agent().api();

        Reply users = agent.get("/api/v2/users/show_many.json?ids=" + bob.id() + "," + ann.id() + ",999999999," + ann.id());
        Reply organizations = agent.get("/api/v2/organizations/show_many?ids=" + globex.id() + "," + acme.id());

        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        assertThat(ids(users.json().get("users"))).containsExactly(ann.id(), bob.id());
        assertThat(users.at("/users/0/email").stringValue()).isEqualTo(ann.email());
        assertThat(organizations.status()).as(organizations.toString()).isEqualTo(200);
        assertThat(ids(organizations.json().get("organizations"))).containsExactly(acme.id(), globex.id());
        assertThat(organizations.at("/organizations/0/name").stringValue()).isEqualTo(acme.name());
    }

    @Test
    void endUserIsShownOnlyItselfAndItsOwnOrganizationOthersLeftOut() {
        Org acme = desk.aCustomer();
        Org globex = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account colleague = desk.endUserIn(acme);
        Account bob = desk.endUserIn(globex);

        Reply users = ann.api().get("/api/v2/users/show_many?ids=" + ann.id() + "," + colleague.id() + "," + bob.id());
        Reply organizations = ann.api().get("/api/v2/organizations/show_many?ids=" + acme.id() + "," + globex.id());

        assertThat(ids(users.json().get("users"))).containsExactly(ann.id());
        assertThat(users.at("/users/0/external_id").isNull()).isTrue();
        assertThat(ids(organizations.json().get("organizations"))).containsExactly(acme.id());
        assertThat(organizations.at("/organizations/0/notes").isNull()).isTrue();
    }

    @Test
    void badIdListsAreRefusedInTheErrorFormat() {
        ApiClient agent = desk.agent().api();
        String hundredAndOne = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));
        String hundred = LongStream.rangeClosed(1, 100).mapToObj(Long::toString).collect(Collectors.joining(","));

        for (String path : List.of("/api/v2/users/show_many", "/api/v2/organizations/show_many")) {
            for (String ids : List.of("", "?ids=", "?ids=abc", "?ids=1,,2", "?ids=0", "?ids=-3", "?ids=1.5", "?ids=99999999999999999999",
                    "?ids=" + hundredAndOne)) {
                Reply refused = agent.get(path + ids);
                assertThat(refused.status()).as(path + ids + " " + refused).isEqualTo(400);
                assertThat(refused.at("/error").stringValue()).isEqualTo("InvalidParameter");
                assertThat(refused.at("/description").stringValue()).contains("ids");
            }
            assertThat(agent.get(path + "?ids=" + hundred).status()).isEqualTo(200);
            assertThat(agent.get(path + "?ids=%201%20,2").status()).isEqualTo(200);
        }
        assertThat(desk.anonymous().get("/api/v2/users/show_many?ids=1").status()).isEqualTo(401);
    }

    @Test
    void membershipsOfAUserAndOfAnOrganizationForStaff() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        ApiClient agent = desk.agent().api();

        Reply ofAnn = agent.get("/api/v2/users/" + ann.id() + "/organization_memberships");
        Reply ofAcme = agent.get("/api/v2/organizations/" + acme.id() + "/organization_memberships?page[size]=1");

        assertThat(ofAnn.json().get("organization_memberships")).hasSize(1);
        assertThat(ofAnn.at("/organization_memberships/0/organization_id").longValue()).isEqualTo(acme.id());
        assertThat(ofAcme.json().get("organization_memberships")).hasSize(1);
        assertThat(ofAcme.at("/meta/has_more").booleanValue()).isTrue();
        Reply next = agent.get(ofAcme.at("/links/next").stringValue());
        assertThat(List.of(ofAcme.at("/organization_memberships/0/user_id").longValue(), next.at("/organization_memberships/0/user_id").longValue()))
                .containsExactly(ann.id(), bob.id());
        assertThat(agent.get("/api/v2/users/999999999/organization_memberships").status()).isEqualTo(404);
        assertThat(agent.get("/api/v2/organizations/999999999/organization_memberships").status()).isEqualTo(404);
    }

    @Test
    void customerSeesOnlyItsOwnMembershipAndAPartnersUserAllOfItsOrganizations() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account bob = desk.endUserIn(acme);
        Org resellCo = desk.aPartner("open");
        Account sam = desk.endUserIn(resellCo);
        Account pat = desk.endUserIn(resellCo);

        JsonNode annSees = ann.api().get("/api/v2/organizations/" + acme.id() + "/organization_memberships").json()
                .get("organization_memberships");
        JsonNode samSees = sam.api().get("/api/v2/organizations/" + resellCo.id() + "/organization_memberships").json()
                .get("organization_memberships");

        assertThat(annSees.valueStream().map(m -> m.get("user_id").longValue()).toList()).containsExactly(ann.id());
        assertThat(samSees.valueStream().map(m -> m.get("user_id").longValue()).toList()).containsExactly(sam.id(), pat.id());
        assertThat(ann.api().get("/api/v2/users/" + ann.id() + "/organization_memberships").json().get("organization_memberships")).hasSize(1);
        Reply colleagues = ann.api().get("/api/v2/users/" + bob.id() + "/organization_memberships");
        Reply missing = ann.api().get("/api/v2/users/999999999/organization_memberships");
        assertThat(colleagues.status()).isEqualTo(404);
        assertThat(colleagues.text()).isEqualTo(missing.text().replace("999999999", Long.toString(bob.id())));
        assertThat(sam.api().get("/api/v2/organizations/" + acme.id() + "/organization_memberships").status()).isEqualTo(404);
    }

    private static List<Long> ids(JsonNode list) {
        return list.valueStream().map(item -> item.get("id").longValue()).toList();
    }
}
