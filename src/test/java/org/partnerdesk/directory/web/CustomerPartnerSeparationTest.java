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
import tools.jackson.databind.JsonNode;

/**
 * DIR-3 [001]: never associate a customer with a partner's organization, or vice-versa, on any write path.
 * Each refusal is a 422 naming DIR-3 and leaves the directory as it was.
 */
class CustomerPartnerSeparationTest extends ApiTest {

    @Test
    void customerContactCannotBeCreatedInPartnerOrganization() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        String email = Desk.unique("ann") + "@" + acme.domain();

        Reply refused = createUser(email, resellCo);

        assertRefusedByDir3(refused, "organization_id");
        assertThat(refused.at("/description").stringValue()).contains(email, acme.name(), resellCo.name());
        assertNoUser(email);
    }

    @Test
    void partnerContactCannotBeCreatedInCustomerOrganization() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("open");
        String email = Desk.unique("sam") + "@" + resellCo.domain();

        Reply refused = createUser(email, acme);

        assertRefusedByDir3(refused, "organization_id");
        assertNoUser(email);
    }

    @Test
    void customerContactCannotMoveIntoPartnerOrganization() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        Account ann = desk.endUserIn(acme);

        Reply refused = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":%d}}""".formatted(resellCo.id()));

        assertRefusedByDir3(refused, "organization_id");
        assertThat(organizationOf(ann.id())).isEqualTo(acme.id());
        assertThat(membersOf(resellCo)).isEmpty();
    }

    @Test
    void partnerContactCannotMoveIntoCustomerOrganization() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("distributor");
        Account sam = desk.endUserIn(resellCo);

        Reply refused = desk.admin.put("/api/v2/users/" + sam.id(), """
                {"user":{"name":"Sam Moved","organization_id":%d}}""".formatted(acme.id()));

        assertRefusedByDir3(refused, "organization_id");
        JsonNode read = desk.admin.get("/api/v2/users/" + sam.id()).json().get("user");
        assertThat(read.get("organization_id").longValue()).isEqualTo(resellCo.id());
        assertThat(read.get("name").stringValue()).isEqualTo(sam.email());
    }

    @Test
    void contactWithoutOrganizationCannotBePutIntoPartnerOrganizationAgainstItsCustomerDomain() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        Account ann = looseUserAt(acme.domain());

        Reply refused = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":%d}}""".formatted(resellCo.id()));

        assertRefusedByDir3(refused, "organization_id");
        assertThat(desk.admin.get("/api/v2/users/" + ann.id()).at("/user/organization_id").isNull()).isTrue();
    }

    @Test
    void customerContactCannotJoinPartnerOrganizationByMembership() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("open");
        Account ann = looseUserAt(acme.domain());

        Reply refused = addMembership(ann, resellCo);

        assertRefusedByDir3(refused, "organization_id");
        assertThat(membershipsOf(ann)).isEmpty();
        assertThat(desk.admin.get("/api/v2/users/" + ann.id()).at("/user/organization_id").isNull()).isTrue();
    }

    @Test
    void partnerContactCannotJoinCustomerOrganizationByMembership() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        Account sam = looseUserAt(resellCo.domain());

        Reply refused = addMembership(sam, acme);

        assertRefusedByDir3(refused, "organization_id");
        assertThat(membershipsOf(sam)).isEmpty();
    }

    @Test
    void memberOfCustomerCannotAlsoJoinPartnerOrganizationByMembership() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        Account ann = desk.endUserIn(acme);

        Reply refused = addMembership(ann, resellCo);

        assertRefusedByDir3(refused, "organization_id");
        assertThat(membershipsOf(ann)).hasSize(1);
        assertThat(membershipsOf(ann).get(0).get("organization_id").longValue()).isEqualTo(acme.id());
    }

    @Test
    void customerWithContactsCannotBecomePartner() {
        Org acme = desk.aCustomer();
        desk.endUserIn(acme);

        Reply refused = desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"notes":"now a reseller","organization_fields":{"org_type":"partner","partner_track":"select"}}}""");

        assertRefusedByDir3(refused, "organization_fields.org_type");
        JsonNode read = desk.admin.get("/api/v2/organizations/" + acme.id()).json().get("organization");
        assertThat(read.at("/organization_fields/org_type").stringValue()).isEqualTo("customer");
        assertThat(read.at("/organization_fields/partner_track").isNull()).isTrue();
        assertThat(read.get("notes").isNull()).isTrue();
    }

    @Test
    void partnerWithContactsCannotBecomeCustomer() {
        Org resellCo = desk.aPartner("open");
        desk.endUserIn(resellCo);

        Reply refused = desk.admin.put("/api/v2/organizations/" + resellCo.id(), """
                {"organization":{"organization_fields":{"org_type":"customer","partner_track":null}}}""");

        assertRefusedByDir3(refused, "organization_fields.org_type");
        assertThat(desk.admin.get("/api/v2/organizations/" + resellCo.id()).at("/organization/organization_fields/org_type").stringValue())
                .isEqualTo("partner");
    }

    @Test
    void customerWithoutContactsMayBecomePartner() {
        Org acme = desk.aCustomer();

        Reply changed = desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"organization_fields":{"org_type":"partner","partner_track":"open"}}}""");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.at("/organization/organization_fields/org_type").stringValue()).isEqualTo("partner");
    }

    @Test
    void newUserWithCustomerDomainCannotJoinPartnerOrganization() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        String email = Desk.unique("new").toLowerCase() + "@" + acme.domain().toUpperCase();

        Reply refused = createUser(email, resellCo);

        assertRefusedByDir3(refused, "organization_id");
        assertNoUser(email);
        assertThat(membersOf(resellCo)).isEmpty();
    }

    @Test
    void contactsMoveFreelyOnTheirOwnSideOfTheLine() {
        Org acme = desk.aCustomer();
        Org globex = desk.aCustomer();
        Org resellCo = desk.aPartner("open");
        Org integrator = desk.aPartner("select");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(resellCo);

        assertThat(desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":%d}}""".formatted(globex.id())).status()).isEqualTo(200);
        assertThat(desk.admin.put("/api/v2/users/" + sam.id(), """
                {"user":{"organization_id":%d}}""".formatted(integrator.id())).status()).isEqualTo(200);
        assertThat(organizationOf(ann.id())).isEqualTo(globex.id());
        assertThat(organizationOf(sam.id())).isEqualTo(integrator.id());
    }

    @Test
    void internalOrganizationTakesStaffWhateverTheirDomain() {
        Org acme = desk.aCustomer();
        Org vendor = desk.anInternalOrganization();
        String email = Desk.unique("staff") + "@" + acme.domain();

        Reply created = createUser(email, "agent", vendor);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/user/organization_id").longValue()).isEqualTo(vendor.id());
    }

    @Test
    void endUserCannotBeCreatedInInternalOrganization() {
        Org vendor = desk.anInternalOrganization();
        String email = Desk.unique("ann") + "@" + vendor.domain();

        Reply refused = createUser(email, vendor);

        assertRefusedByDir3(refused, "organization_id");
        assertThat(refused.at("/description").stringValue()).contains(email, vendor.name(), "for staff");
        assertNoUser(email);
    }

    @Test
    void customerContactCannotMoveIntoInternalOrganization() {
        Org acme = desk.aCustomer();
        Org vendor = desk.anInternalOrganization();
        Account ann = desk.endUserIn(acme);

        Reply refused = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":%d}}""".formatted(vendor.id()));

        assertRefusedByDir3(refused, "organization_id");
        assertThat(organizationOf(ann.id())).isEqualTo(acme.id());
        assertThat(membersOf(vendor)).isEmpty();
    }

    @Test
    void endUserCannotJoinInternalOrganizationByMembership() {
        Org vendor = desk.anInternalOrganization();
        Account loose = desk.stranger();

        Reply refused = addMembership(loose, vendor);

        assertRefusedByDir3(refused, "organization_id");
        assertThat(membershipsOf(loose)).isEmpty();
    }

    @Test
    void customerContactCannotReachPartnerOrganizationThroughInternalOrganization() {
        Org acme = desk.aCustomer();
        Org vendor = desk.anInternalOrganization();
        Org resellCo = desk.aPartner("select");
        Account ann = desk.endUserIn(acme);

        Reply toInternal = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":%d}}""".formatted(vendor.id()));
        Reply toPartner = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":%d}}""".formatted(resellCo.id()));

        assertRefusedByDir3(toInternal, "organization_id");
        assertRefusedByDir3(toPartner, "organization_id");
        assertThat(organizationOf(ann.id())).isEqualTo(acme.id());
        assertThat(membersOf(resellCo)).isEmpty();
    }

    @Test
    void customerContactMadeStaffKeepsItsSideThroughInternalOrganization() {
        Org acme = desk.aCustomer();
        Org vendor = desk.anInternalOrganization();
        Org resellCo = desk.aPartner("open");
        Account ann = desk.endUserIn(acme);
        assertThat(desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"role":"agent","organization_id":%d}}""".formatted(vendor.id())).status()).isEqualTo(200);

        Reply toPartner = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":%d}}""".formatted(resellCo.id()));

        assertRefusedByDir3(toPartner, "organization_id");
        assertThat(toPartner.at("/description").stringValue()).contains(ann.email(), "customer contact", resellCo.name());
        assertThat(organizationOf(ann.id())).isEqualTo(vendor.id());
        assertThat(membersOf(resellCo)).isEmpty();
    }

    @Test
    void staffInInternalOrganizationCannotBecomeEndUserThere() {
        Org vendor = desk.anInternalOrganization();
        Account staff = desk.user("agent", vendor);

        Reply refused = desk.admin.put("/api/v2/users/" + staff.id(), """
                {"user":{"name":"Demoted","role":"end-user"}}""");

        assertRefusedByDir3(refused, "role");
        JsonNode read = desk.admin.get("/api/v2/users/" + staff.id()).json().get("user");
        assertThat(read.get("role").stringValue()).isEqualTo("agent");
        assertThat(read.get("name").stringValue()).isEqualTo(staff.email());
        assertThat(read.get("organization_id").longValue()).isEqualTo(vendor.id());
    }

    @Test
    void customerWithContactsCannotBecomeInternal() {
        Org acme = desk.aCustomer();
        desk.endUserIn(acme);

        Reply refused = desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"organization_fields":{"org_type":"internal"}}}""");

        assertRefusedByDir3(refused, "organization_fields.org_type");
        assertThat(desk.admin.get("/api/v2/organizations/" + acme.id()).at("/organization/organization_fields/org_type").stringValue())
                .isEqualTo("customer");
    }

    @Test
    void internalOrganizationWithMembersCannotBecomePartner() {
        Org vendor = desk.anInternalOrganization();
        desk.user("agent", vendor);

        Reply refused = desk.admin.put("/api/v2/organizations/" + vendor.id(), """
                {"organization":{"organization_fields":{"org_type":"partner","partner_track":"open"}}}""");

        assertRefusedByDir3(refused, "organization_fields.org_type");
        assertThat(desk.admin.get("/api/v2/organizations/" + vendor.id()).at("/organization/organization_fields/org_type").stringValue())
                .isEqualTo("internal");
    }

    @Test
    void customerContactKeepsItsSideAfterItsMembershipIsRemoved() {
        Org acme = desk.aCustomer();
        Org resellCo = desk.aPartner("select");
        Account ann = contactAtUnclaimedDomainIn(acme);
        long membership = membershipsOf(ann).get(0).get("id").longValue();
        assertThat(desk.admin.delete("/api/v2/organization_memberships/" + membership).status()).isEqualTo(204);

        Reply byMembership = addMembership(ann, resellCo);
        Reply byUpdate = desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":%d}}""".formatted(resellCo.id()));

        assertRefusedByDir3(byMembership, "organization_id");
        assertRefusedByDir3(byUpdate, "organization_id");
        assertThat(byUpdate.at("/description").stringValue()).contains(ann.email(), "customer contact", resellCo.name());
        assertThat(membershipsOf(ann)).isEmpty();
        assertThat(membersOf(resellCo)).isEmpty();
    }

    @Test
    void partnerContactKeepsItsSideAfterLeavingItsOrganization() {
        Org resellCo = desk.aPartner("open");
        Org acme = desk.aCustomer();
        Account sam = contactAtUnclaimedDomainIn(resellCo);
        assertThat(desk.admin.put("/api/v2/users/" + sam.id(), """
                {"user":{"organization_id":null}}""").status()).isEqualTo(200);

        Reply refused = addMembership(sam, acme);

        assertRefusedByDir3(refused, "organization_id");
        assertThat(membershipsOf(sam)).isEmpty();
    }

    @Test
    void contactWhoLeftMayJoinAnotherOrganizationOnItsOwnSide() {
        Org acme = desk.aCustomer();
        Org globex = desk.aCustomer();
        Account ann = contactAtUnclaimedDomainIn(acme);
        assertThat(desk.admin.put("/api/v2/users/" + ann.id(), """
                {"user":{"organization_id":null}}""").status()).isEqualTo(200);

        Reply joined = addMembership(ann, globex);

        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(organizationOf(ann.id())).isEqualTo(globex.id());
    }

    private Reply createUser(String email, Org org) {
        return createUser(email, "end-user", org);
    }

    private Reply createUser(String email, String role, Org org) {
        return desk.admin.post("/api/v2/users", """
                {"user":{"name":"%s","email":"%s","role":"%s","organization_id":%d}}""".formatted(email, email, role, org.id()));
    }

    /** A member of {@code org} whose e-mail domain no organization claims: only its membership says which side it is on. */
    private Account contactAtUnclaimedDomainIn(Org org) {
        String email = Desk.unique("contact").toLowerCase() + "@" + Desk.unique("unclaimed").toLowerCase() + ".test";
        Reply created = createUser(email, org);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Account(created.id("user"), email, org.id(), desk.admin);
    }

    private Reply addMembership(Account user, Org org) {
        return desk.admin.post("/api/v2/organization_memberships", """
                {"organization_membership":{"user_id":%d,"organization_id":%d}}""".formatted(user.id(), org.id()));
    }

    /** A contact at {@code domain} with no membership: the domain alone says which side it is on. */
    private Account looseUserAt(String domain) {
        String email = Desk.unique("contact").toLowerCase() + "@" + domain;
        Reply created = desk.admin.post("/api/v2/users", """
                {"user":{"name":"%s","email":"%s","role":"end-user"}}""".formatted(email, email));
        assertThat(created.status()).isEqualTo(201);
        return new Account(created.id("user"), email, null, desk.admin);
    }

    private static void assertRefusedByDir3(Reply refused, String field) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/error").stringValue()).isEqualTo("RecordInvalid");
        assertThat(refused.at("/description").stringValue()).contains("DIR-3");
        assertThat(refused.at("/details/" + field + "/0/error").stringValue()).isEqualTo("DIR-3");
        assertThat(refused.at("/details/" + field + "/0/description").stringValue()).isNotBlank();
    }

    private void assertNoUser(String email) {
        assertThat(desk.admin.get("/api/v2/users/search?query=" + email).json().get("users")).isEmpty();
    }

    private long organizationOf(long userId) {
        return desk.admin.get("/api/v2/users/" + userId).at("/user/organization_id").longValue();
    }

    private JsonNode membersOf(Org org) {
        return desk.admin.get("/api/v2/organizations/" + org.id() + "/users").json().get("users");
    }

    private List<JsonNode> membershipsOf(Account user) {
        List<JsonNode> found = new ArrayList<>();
        desk.admin.get("/api/v2/organization_memberships?user_id=" + user.id()).json().get("organization_memberships").forEach(found::add);
        return found;
    }
}
