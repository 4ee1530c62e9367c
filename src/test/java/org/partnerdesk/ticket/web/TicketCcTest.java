package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ALLIANCE_PARTNER_FORM;
import static org.partnerdesk.Desk.ALLIANCE_TICKET_ID;
import static org.partnerdesk.Desk.CUSTOMER_NAME;
import static org.partnerdesk.Desk.SUPPORT_FORM;
import static org.partnerdesk.ticket.web.TicketIntakeTest.field;
import static org.partnerdesk.ticket.web.TicketState.assertRefusedBy;
import static org.partnerdesk.ticket.web.TicketState.ids;
import static org.partnerdesk.ticket.web.TicketState.put;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/**
 * TKT-2 [004] over PUT /api/v2/tickets/{id}: requesters and partners add and remove CCs; agents never add contacts
 * to a ticket, on alliance tickets as on any other, unless a support manager does it with a reason. Every CC change
 * is audited; a CC reads the ticket but never moves it to another organization.
 */
class TicketCcTest extends ApiTest {

    @Test
    void allianceRequesterAddsTheCustomerAsCcWhoThenSeesTheTicket() {
        Account ally = desk.endUserIn(desk.aPartner("alliance"));
        long id = allianceTicket(ally);
        TicketState before = TicketState.of(desk, id);
        String customer = Desk.unique("cto").toLowerCase() + "@umbrella.test";

        Reply added = put(ally.api(), id, """
                {"email_ccs":[{"user_email":"%s","action":"put"}]}""".formatted(customer));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        JsonNode user = userWithEmail(customer);
        assertThat(user.get("role").stringValue()).isEqualTo("end-user");
        assertThat(user.get("organization_id").isNull()).as("provisioned without organization, as intake does").isTrue();
        assertThat(ids(added.at("/ticket/email_cc_ids"))).contains(user.get("id").longValue());
        assertThat(added.at("/ticket/organization_id")).isEqualTo(before.ticket().get("organization_id"));
        JsonNode change = TicketState.lastChangeOf(desk, id, "collaborator_ids");
        assertThat(change.get("reason").stringValue()).startsWith("TKT-2");
        ApiClient cc = ApiClient.withToken(baseUrl(), customer, desk.tokenFor(user.get("id").longValue()));
        assertThat(cc.get("/api/v2/tickets/" + id).status()).isEqualTo(200);
    }

    @Test
    void agentCannotAddCcToAllianceTicket() {
        long id = allianceTicket(desk.endUserIn(desk.aPartner("alliance")));
        TicketState before = TicketState.of(desk, id);
        String customer = Desk.unique("cto").toLowerCase() + "@umbrella.test";

        Reply refused = put(desk.agent().api(), id, """
                {"email_ccs":[{"user_email":"%s"}],"comment":{"body":"adding your CTO"}}""".formatted(customer));

        assertRefusedBy(refused, "email_ccs", "TKT-2");
        assertThat(refused.at("/details/email_ccs/0/description").stringValue()).contains("agents never add contacts to a ticket");
        assertThat(TicketState.of(desk, id)).isEqualTo(before);
        assertThat(desk.admin.get("/api/v2/users/search?query=" + customer).json().get("users").size())
                .as("nobody is provisioned for a refused CC").isZero();
    }

    @Test
    void agentCannotAddAnExistingUserThroughCollaboratorIdsEither() {
        Fixture f = customerTicketFiledByAnOpenPartner();
        Account colleague = desk.endUserIn(f.acme());
        TicketState before = TicketState.of(desk, f.id());

        Reply refused = put(desk.agent().api(), f.id(), "{\"collaborator_ids\":[%d,%d]}".formatted(f.sam().id(), colleague.id()));

        assertRefusedBy(refused, "email_ccs", "TKT-2");
        assertThat(TicketState.of(desk, f.id())).isEqualTo(before);
    }

    @Test
    void supportManagerAddsACcWithAReasonAndTheAuditKeepsIt() {
        Fixture f = customerTicketFiledByAnOpenPartner();
        Account colleague = desk.endUserIn(f.acme());
        Account manager = desk.agent();
        desk.addToGroup(manager, "Support Managers");
        TicketState before = TicketState.of(desk, f.id());

        Reply added = put(manager.api(), f.id(), """
                {"email_ccs":[{"user_id":%d}],"cc_reason":"Ann is on leave; Acme asked us to copy her deputy"}""".formatted(colleague.id()));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(ids(added.at("/ticket/collaborator_ids"))).contains(colleague.id());
        assertThat(TicketState.of(desk, f.id()).audits()).isEqualTo(before.audits() + 1);
        JsonNode change = TicketState.lastChangeOf(desk, f.id(), "collaborator_ids");
        assertThat(change.get("reason").stringValue()).isEqualTo("TKT-2: Ann is on leave; Acme asked us to copy her deputy");
        assertThat(ids(change.get("previous_value"))).doesNotContain(colleague.id());
    }

    @Test
    void supportManagerWithoutAReasonIsRefused() {
        Fixture f = customerTicketFiledByAnOpenPartner();
        Account colleague = desk.endUserIn(f.acme());
        Account manager = desk.agent();
        desk.addToGroup(manager, "Support Managers");
        TicketState before = TicketState.of(desk, f.id());

        Reply refused = put(manager.api(), f.id(), "{\"email_ccs\":[{\"user_id\":%d}],\"cc_reason\":\"  \"}".formatted(colleague.id()));

        assertRefusedBy(refused, "email_ccs", "TKT-2");
        assertThat(refused.at("/details/email_ccs/0/description").stringValue()).contains("cc_reason");
        assertThat(TicketState.of(desk, f.id())).isEqualTo(before);
    }

    @Test
    void partnerSubmitterAddsACcThroughCollaborators() {
        Fixture f = customerTicketFiledByAnOpenPartner();
        Account colleague = desk.endUserIn(f.acme());

        Reply added = put(f.sam().api(), f.id(), "{\"collaborators\":[\"%s\"]}".formatted(colleague.email()));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(ids(added.at("/ticket/collaborator_ids"))).contains(colleague.id());
        assertThat(TicketState.lastChangeOf(desk, f.id(), "collaborator_ids").get("reason").stringValue())
                .isEqualTo("TKT-2: the submitter's CCs");
    }

    @Test
    void requesterRemovesACcAndTheRemovalIsAudited() {
        Fixture f = customerTicketFiledByAnOpenPartner();
        assertThat(ids(TicketState.of(desk, f.id()).ticket().get("collaborator_ids"))).contains(f.carl().id());

        Reply removed = put(f.ann().api(), f.id(), """
                {"email_ccs":[{"user_email":"%s","action":"delete"}]}""".formatted(f.carl().email()));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(ids(removed.at("/ticket/collaborator_ids"))).doesNotContain(f.carl().id());
        JsonNode change = TicketState.lastChangeOf(desk, f.id(), "collaborator_ids");
        assertThat(ids(change.get("previous_value"))).contains(f.carl().id());
        assertThat(change.get("reason").stringValue()).isEqualTo("TKT-2: the requester's CCs");
        assertThat(f.carl().api().get("/api/v2/tickets/" + f.id()).status()).isEqualTo(404); // #10 item 15: as if it did not exist
    }

    @Test
    void ccdUserCannotChangeTheCcs() {
        Fixture f = customerTicketFiledByAnOpenPartner();
        TicketState before = TicketState.of(desk, f.id());

        Reply refused = put(f.carl().api(), f.id(), """
                {"email_ccs":[{"user_email":"%s"}]}""".formatted(Desk.unique("friend").toLowerCase() + "@people.test"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(TicketState.of(desk, f.id())).isEqualTo(before);
    }

    @Test
    void addingAContactOfAnotherOrganizationNeverChangesTheTicketsOrganization() {
        Fixture f = customerTicketFiledByAnOpenPartner();
        Org other = desk.aCustomer();
        Account outsider = desk.endUserIn(other);
        TicketState before = TicketState.of(desk, f.id());

        Reply added = put(f.ann().api(), f.id(), "{\"email_ccs\":[{\"user_id\":%d}]}".formatted(outsider.id()));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.at("/ticket/organization_id").longValue()).isEqualTo(f.acme().id());
        assertThat(added.at("/ticket/requester_id")).isEqualTo(before.ticket().get("requester_id"));
        assertThat(desk.admin.get("/api/v2/users/" + outsider.id()).at("/user/organization_id").longValue()).isEqualTo(other.id());
        JsonNode entitlement = desk.admin.get("/api/v2/tickets/" + f.id() + "/entitlement").json().get("entitlement");
        assertThat(entitlement.get("rule").stringValue()).isEqualTo("ENT-1");
    }

    @Test
    void badCcIsRefusedAndChangesNothing() {
        Fixture f = customerTicketFiledByAnOpenPartner();
        TicketState before = TicketState.of(desk, f.id());

        Reply refused = put(f.ann().api(), f.id(), "{\"email_ccs\":[{\"user_email\":\"not-an-address\",\"action\":\"put\"}]}");
        Reply unknown = put(f.ann().api(), f.id(), "{\"email_ccs\":[{\"user_id\":999999999}]}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(TicketState.of(desk, f.id())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"email_ccs", "collaborators", "collaborator_ids"})
    void plainAgentCannotCopyAContactOfAnotherOrganizationWhenOpeningATicket(String spelling) { // #10 item 4: TKT-2 on create
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account outsider = desk.endUserIn(desk.aCustomer());
        Account agent = desk.agent();
        desk.addToGroup(agent, "Support");
        String subject = Desk.unique("Copied by an agent");

        Reply refused = agent.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","requester_id":%d,"ticket_form_id":%d,"comment":{"body":"b"},%s}}"""
                .formatted(subject, ann.id(), SUPPORT_FORM, ccs(spelling, outsider)));

        assertRefusedBy(refused, "email_ccs", "TKT-2");
        assertThat(desk.admin.get("/api/v2/search?query=" + subject.replace(' ', '+')).json().get("count").longValue())
                .as("no ticket is opened").isZero();
        assertThat(outsider.api().get("/api/v2/tickets").json().get("tickets").size()).isZero();
    }

    @Test
    void supportManagerOpensATicketWithACcAndAReasonAndTheAuditKeepsIt() {
        Account ann = desk.endUserIn(desk.aCustomer());
        Account deputy = desk.endUserIn(desk.aCustomer());
        Account manager = desk.agent();
        desk.addToGroup(manager, "Support Managers");

        Reply opened = manager.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","requester_id":%d,"ticket_form_id":%d,"comment":{"body":"b"},"email_ccs":[{"user_id":%d}],
                 "cc_reason":"Ann asked us by phone to copy her auditor"}}""".formatted(ann.id(), SUPPORT_FORM, deputy.id()));

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(ids(opened.at("/ticket/collaborator_ids"))).containsExactly(deputy.id());
        JsonNode created = TicketState.audits(desk, opened.id("ticket")).get(0).get("events").valueStream()
                .filter(e -> "collaborator_ids".equals(e.get("field_name").stringValue())).findFirst().orElseThrow();
        assertThat(created.get("reason").stringValue()).isEqualTo("TKT-2: Ann asked us by phone to copy her auditor");
    }

    @Test
    void supportManagerWithoutAReasonCannotCopyAnyoneWhenOpeningATicket() {
        Account manager = desk.agent();
        desk.addToGroup(manager, "Support Managers");

        Reply refused = manager.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","ticket_form_id":%d,"comment":{"body":"b"},"email_ccs":[{"user_id":%d}]}}"""
                .formatted(SUPPORT_FORM, desk.endUserIn(desk.aCustomer()).id()));

        assertRefusedBy(refused, "email_ccs", "TKT-2");
    }

    private static String ccs(String spelling, Account cc) {
        return switch (spelling) {
            case "email_ccs" -> "\"email_ccs\":[{\"user_email\":\"" + cc.email() + "\"}]";
            case "collaborators" -> "\"collaborators\":[" + cc.id() + "]";
            default -> "\"collaborator_ids\":[" + cc.id() + "]";
        };
    }

    /** Sam, an Open partner, files for Ann of Acme (premium) with Carl of Acme on the CCs (ENT-1). */
    record Fixture(long id, Org acme, Account ann, Account carl, Account sam) {
    }

    private Fixture customerTicketFiledByAnOpenPartner() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account carl = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Reply filed = TicketState.anOpenPartnerFilesFor(sam, acme, ann, carl);
        return new Fixture(filed.id("ticket"), acme, ann, carl, sam);
    }

    private long allianceTicket(Account ally) {
        Reply filed = ally.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Pipeline fails","comment":{"body":"Copied from our system"},"ticket_form_id":%d,
                 "custom_fields":[%s,%s]}}"""
                .formatted(ALLIANCE_PARTNER_FORM, field(CUSTOMER_NAME, "Umbrella Corp"), field(ALLIANCE_TICKET_ID, Desk.unique("ALLY"))));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.id("ticket");
    }

    private JsonNode userWithEmail(String email) {
        JsonNode users = desk.admin.get("/api/v2/users/search?query=" + email).json().get("users");
        assertThat(users.size()).as("one user " + email).isEqualTo(1);
        return users.get(0);
    }
}
