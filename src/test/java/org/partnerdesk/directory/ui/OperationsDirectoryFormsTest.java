package org.partnerdesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.PageSession.encode;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.PageSession;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.identity.Passwords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * UI-1 operations console (#16) over plain HTTP: the organization and user forms go through the directory's facades,
 * refuse what they refuse to the same person, and say a DIR-3, DIR-4 or DIR-8 refusal in words next to the field.
 */
class OperationsDirectoryFormsTest extends ApiTest {

    private static final String DIR_3 = "Customers and partners are never put in each other's organizations (DIR-3).";
    private static final String DIR_4 = "Alliance partners' organizations are locked: only Support Managers change their members (DIR-4).";

    @Autowired
    Passwords passwords;

    @Autowired
    Organizations organizations;

    @Autowired
    Users users;

    @Test
    void anAdminMovingACustomerContactIntoAPartnerIsToldDir3NextToTheFieldAndNothingChanges() throws Exception {
        var customer = desk.aCustomer();
        var contact = desk.endUserIn(customer);
        var partner = desk.aPartner("select");
        var admin = PageSession.signedIn(baseUrl(), passwords, desk.anAdmin());
        admin.get("/ops/users/" + contact.id());

        var refused = admin.post("/ops/users/" + contact.id() + "/organization", "organization=" + encode(partner.name()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fieldError(refused, "user-organization-error")).startsWith(DIR_3)
                .contains(contact.email() + " is a contact of customer " + customer.name(), "cannot join partner " + partner.name());
        assertThat(refused.body()).contains("aria-invalid=\"true\"", "value=\"" + partner.name() + "\"");
        assertThat(organizationOf(contact)).isEqualTo(customer.id());
    }

    @Test
    void anAdminOutsideSupportManagersIsToldDir4WhenPuttingSomeoneIntoAnAlliancePartner() throws Exception {
        var ally = desk.aPartner("alliance");
        var newcomer = desk.user("end-user", null);
        var admin = PageSession.signedIn(baseUrl(), passwords, desk.anAdmin());
        admin.get("/ops/users/" + newcomer.id());

        var refused = admin.post("/ops/users/" + newcomer.id() + "/organization", "organization=" + encode(ally.name()));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(fieldError(refused, "user-organization-error")).startsWith(DIR_4).contains(ally.name() + " is an alliance partner organization");
        assertThat(organizationOf(newcomer)).isNull();
    }

    @Test
    void anAgentIsNotOfferedTheMembersOfAnAlliancePartnerAndIsRefusedDir4OnAPostAnyway() throws Exception {
        var ally = desk.aPartner("alliance");
        var newcomer = desk.user("end-user", null);
        var agent = PageSession.signedIn(baseUrl(), passwords, desk.agent());

        String shown = HtmlUtils.htmlUnescape(agent.get("/ops/organizations/" + ally.id()).body());
        var refused = agent.post("/ops/organizations/" + ally.id() + "/members", "email=" + encode(newcomer.email()));

        assertThat(shown).doesNotContain("Add member").contains(DIR_4);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(fieldError(refused, "member-email-error")).startsWith(DIR_4);
        assertThat(organizationOf(newcomer)).isNull();
    }

    @Test
    void aSupportManagerAddsSomeoneNewToAnAlliancePartnerFromItsPage() throws Exception {
        var ally = desk.aPartner("alliance");
        var newcomer = desk.user("end-user", null);
        var manager = desk.agent();
        desk.addToGroup(manager, "Support Managers");
        var session = PageSession.signedIn(baseUrl(), passwords, manager);
        session.get("/ops/organizations/" + ally.id());

        var added = session.post("/ops/organizations/" + ally.id() + "/members", "email=" + encode(newcomer.email()));

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(organizationOf(newcomer)).isEqualTo(ally.id());
    }

    @Test
    void theOrganizationFormSaysWhatIsWrongInWordsAndKeepsWhatWasTyped() throws Exception {
        var admin = PageSession.signedIn(baseUrl(), passwords, desk.anAdmin());
        admin.get("/ops/organizations/new");
        String name = Desk.unique("Typo Corp");

        var refused = admin.post("/ops/organizations", "name=" + encode(name) + "&type=customer&track=select&domains=" + encode("typo corp.test")
                + "&chatWebhookUrl=" + encode("https://chat.example/hook"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fieldError(refused, "org-track-error")).isEqualTo("Only partner organizations have a partner track (DIR-1): choose no track, or make it a partner.");
        assertThat(fieldError(refused, "org-domains-error")).contains("\"typo\" is not an e-mail domain");
        assertThat(fieldError(refused, "org-webhook-error")).contains("for alliance partners' #a_ channels only (TKT-8)");
        assertThat(refused.body()).contains("value=\"" + name + "\"");
    }

    @Test
    void aSubscriptionDatedOutsideTheApisYearsIsRefusedNextToTheFieldAndAPastedNameIsNotEchoedWhole() throws Exception {
        var acme = desk.aCustomer();
        var admin = PageSession.signedIn(baseUrl(), passwords, desk.anAdmin());
        admin.get("/ops/subscriptions/new");

        var refused = admin.post("/ops/subscriptions", "organization=" + acme.id() + "&plan=premium&seats=5&startsOn=0000-01-01&endsOn=0001-12-31");
        var pasted = admin.post("/ops/subscriptions", "organization=" + "A".repeat(5_000) + "&plan=premium&seats=5&startsOn=2026-01-01&endsOn=2026-12-31");

        assertThat(refused.statusCode()).isEqualTo(422); // the page had saved year 0, which the API refuses (SupportedDates)
        assertThat(fieldError(refused, "startsOn-error")).isEqualTo("Starts on must be a date from 1900-01-01 to 9999-12-31.");
        assertThat(admin.get("/ops/subscriptions?organization=" + acme.id()).body()).doesNotContain("data-subscription=");
        assertThat(fieldError(pasted, "organization-error")).isEqualTo("No organization is named \"" + "A".repeat(80) + "…\". Give its number or its exact name.");
    }

    @Test
    void anAdminCreatesAPartnerAndADomainAnotherOrganizationHoldsIsRefusedDir1() throws Exception {
        var customer = desk.aCustomer();
        var admin = PageSession.signedIn(baseUrl(), passwords, desk.anAdmin());
        admin.get("/ops/organizations/new");
        String name = Desk.unique("Resell");

        var taken = admin.post("/ops/organizations", "name=" + encode(name) + "&type=partner&track=select&trackCompliant=true&domains="
                + encode(customer.domain()));
        var created = admin.post("/ops/organizations", "name=" + encode(name) + "&type=partner&track=select&trackCompliant=true&domains="
                + encode(name.toLowerCase() + ".test"));

        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(fieldError(taken, "org-domains-error")).startsWith("An e-mail domain belongs to one organization (DIR-1).")
                .contains(customer.domain() + " already belongs to organization " + customer.name());
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var stored = desk.admin.get("/api/v2/organizations/" + id).json().get("organization");
        assertThat(stored.get("name").stringValue()).isEqualTo(name);
        assertThat(stored.at("/organization_fields/partner_track").stringValue()).isEqualTo("select");
    }

    @Test
    void anAgentMayReadButNotEditAnOrganizationNorChangeARole() throws Exception {
        var partner = desk.aPartner("select");
        var contact = desk.endUserIn(partner);
        var agent = PageSession.signedIn(baseUrl(), passwords, desk.agent());

        var shown = agent.get("/ops/organizations/" + partner.id());
        var form = agent.get("/ops/organizations/" + partner.id() + "/edit");
        var save = agent.post("/ops/organizations/" + partner.id(), "name=Renamed&type=partner");
        var role = agent.post("/ops/users/" + contact.id() + "/role", "role=admin");

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain("Edit organization").contains("Raise NFR exception", "Request billing account");
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(save.statusCode()).isEqualTo(403);
        assertThat(role.statusCode()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/organizations/" + partner.id()).at("/organization/name").stringValue()).isEqualTo(partner.name());
    }

    @Test
    void anAgentInGroupsCannotBecomeAnEndUserAndIsToldDir8() throws Exception {
        var colleague = desk.agent();
        desk.addToGroup(colleague, "Support");
        var admin = PageSession.signedIn(baseUrl(), passwords, desk.anAdmin());
        admin.get("/ops/users/" + colleague.id());

        var refused = admin.post("/ops/users/" + colleague.id() + "/role", "role=end-user");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fieldError(refused, "user-role-error")).startsWith("Only agents and admins belong to groups (DIR-8).")
                .contains("Remove the group memberships first");
        assertThat(desk.admin.get("/api/v2/users/" + colleague.id()).at("/user/role").stringValue()).isEqualTo("agent");
    }

    @Test
    void anEndUserCannotJoinAGroupAndIsToldDir8() throws Exception {
        var contact = desk.endUserIn(desk.aCustomer());
        var admin = PageSession.signedIn(baseUrl(), passwords, desk.anAdmin());
        admin.get("/ops/users/groups/" + desk.groupId("Support"));

        var refused = admin.post("/ops/users/groups/" + desk.groupId("Support") + "/members", "email=" + encode(contact.email()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fieldError(refused, "group-member-error")).startsWith("Only agents and admins belong to groups (DIR-8).")
                .contains(contact.email() + " is an end user");
    }

    @Test
    void theListsPageByNameWithACursorWithoutSkippingOrRepeatingAnyone() {
        String prefix = Desk.unique("Pager").toLowerCase();
        for (String suffix : List.of("c", "a", "b")) {
            assertThat(desk.admin.post("/api/v2/organizations", """
                    {"organization":{"name":"%s %s","organization_fields":{"org_type":"customer"}}}""".formatted(prefix, suffix)).status())
                    .isEqualTo(201);
            assertThat(desk.admin.post("/api/v2/users", """
                    {"user":{"name":"%s %s","email":"%s-%s@people.test"}}""".formatted(prefix, suffix, prefix, suffix)).status()).isEqualTo(201);
        }
        Actor admin = new Actor(1, ADMIN_EMAIL, Role.ADMIN, null, Set.of());

        var first = organizations.byName(admin, prefix.toUpperCase(), new KeysetRequest(2, null));
        var second = organizations.byName(admin, prefix, new KeysetRequest(2, position(first.afterCursor())));
        var people = users.byName(admin, prefix, new KeysetRequest(2, null));
        var morePeople = users.byName(admin, prefix, new KeysetRequest(2, position(people.afterCursor())));
        var byEmail = users.byName(admin, prefix + "-b@", new KeysetRequest(2, null));

        assertThat(first.items()).extracting(Organization::name).containsExactly(prefix + " a", prefix + " b");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(Organization::name).containsExactly(prefix + " c");
        assertThat(second.hasMore()).isFalse();
        assertThat(people.items()).extracting(User::name).containsExactly(prefix + " a", prefix + " b");
        assertThat(morePeople.items()).extracting(User::name).containsExactly(prefix + " c");
        assertThat(byEmail.items()).extracting(User::email).containsExactly(prefix + "-b@people.test");
    }

    // the cursor as the page's "Next page" link carries it, read back as the next request would
    private static KeysetRequest.Position position(String cursor) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setParameter("page[after]", cursor);
        return KeysetRequest.from(request).after();
    }

    private Long organizationOf(Desk.Account account) {
        var id = desk.admin.get("/api/v2/users/" + account.id()).at("/user/organization_id");
        return id.isNull() ? null : id.longValue();
    }

    /** The words of the field error with this id, as a person reads them. */
    private static String fieldError(PageSession.Answer page, String id) {
        Matcher found = Pattern.compile("<p class=\"field-error\" id=\"" + id + "\">([^<]*)</p>").matcher(page.body());
        assertThat(found.find()).as("a field error " + id + " in " + page.body()).isTrue();
        return HtmlUtils.htmlUnescape(found.group(1));
    }
}
