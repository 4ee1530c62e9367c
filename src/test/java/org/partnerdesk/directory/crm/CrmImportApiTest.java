package org.partnerdesk.directory.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/** DIR-7 over the API: {@code POST /api/v2/imports/crm?kind=accounts|contacts} with a Salesforce-style CSV body. */
class CrmImportApiTest extends ApiTest {

    static final String ACCOUNTS = "Id,Name,Type,Partner_Track__c,Partner_Status__c,Parent_Company__c,Domains__c";
    static final String CONTACTS = "Id,AccountId,FirstName,LastName,Email";

    private String p;

    @BeforeEach
    void prefix() {
        p = Desk.unique("crm").toLowerCase();
    }

    static Reply importing(ApiClient as, String kind, String csv) {
        return as.post("/api/v2/imports/crm?kind=" + kind + "&file_name=" + kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private JsonNode imported(ApiClient as, String kind, String csv) {
        Reply reply = importing(as, kind, csv);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("import");
    }

    private JsonNode organization(String externalId) {
        JsonNode found = desk.admin.get("/api/v2/organizations/search?external_id=" + externalId).json().get("organizations");
        return found.isEmpty() ? null : found.get(0);
    }

    private JsonNode user(String email) {
        JsonNode found = desk.admin.get("/api/v2/users/search?query=" + email).json().get("users");
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Integer> rejectedRows(JsonNode report) {
        List<Integer> rows = new ArrayList<>();
        report.get("rejected").forEach(reject -> rows.add(reject.get("row").intValue()));
        return rows;
    }

    private String accounts(String... rows) {
        return ACCOUNTS + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    private String contacts(String... rows) {
        return CONTACTS + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    @Test // DIR-7: BOM, CRLF, quoted separators, doubled quotes, a newline inside a field, trailing blank lines
    void aRealWorldExportImportsAccountsAndContacts() {
        JsonNode accounts = imported(desk.admin, "accounts", "\uFEFF" + ACCOUNTS + "\r\n"
                + p + "-A1,\"" + p + " Acme, Inc.\",Customer,,,\"Acme \"\"Holdings\"\"\"," + p + "-acme.test\r\n"
                + p + "-P1," + p + " ResellCo,Partner,Open,Authorized,,\"" + p + "-resellco.test; " + p + "-resell.test\"\r\n"
                + p + "-P2," + p + " Umbrella,Partner,Technology,Authorized,,\r\n"
                + p + "-P3," + p + " Oldco,Partner,Select,Former,Oldco Group,\r\n"
                + "\r\n\r\n");
        assertThat(accounts.get("kind").stringValue()).isEqualTo("accounts");
        assertThat(accounts.get("file_name").stringValue()).isEqualTo("accounts.csv");
        assertThat(accounts.get("rows").intValue()).isEqualTo(4);
        assertThat(accounts.get("created").intValue()).isEqualTo(4);
        assertThat(accounts.get("rejected_count").intValue()).isZero();

        JsonNode acme = organization(p + "-A1");
        assertThat(acme.get("name").stringValue()).isEqualTo(p + " Acme, Inc.");
        assertThat(acme.at("/organization_fields/org_type").stringValue()).isEqualTo("customer");
        assertThat(acme.at("/organization_fields/parent_company").stringValue()).isEqualTo("Acme \"Holdings\"");
        assertThat(acme.get("domain_names").get(0).stringValue()).isEqualTo(p + "-acme.test");
        JsonNode resellco = organization(p + "-P1");
        assertThat(resellco.at("/organization_fields/partner_track").stringValue()).isEqualTo("open");
        assertThat(resellco.at("/organization_fields/track_compliant").booleanValue()).isTrue();
        assertThat(resellco.get("domain_names")).hasSize(2);
        assertThat(organization(p + "-P2").at("/organization_fields/partner_track").stringValue()).isEqualTo("alliance");
        assertThat(organization(p + "-P3").at("/organization_fields/track_compliant").booleanValue()).isFalse();

        JsonNode contacts = imported(desk.admin, "contacts", "\uFEFF" + CONTACTS + "\r\n"
                + p + "-C1," + p + "-A1,Ann,\"O'Neil\r\nJr\",ann@" + p + "-acme.test\r\n"
                + p + "-C2," + p + "-P1,\"Sam, the seller\",Smith,sam@" + p + "-resellco.test\r\n\r\n");
        assertThat(contacts.get("created").intValue()).isEqualTo(2);
        JsonNode ann = user("ann@" + p + "-acme.test");
        assertThat(ann.get("name").stringValue()).isEqualTo("Ann O'Neil Jr");
        assertThat(ann.get("external_id").stringValue()).isEqualTo(p + "-C1");
        assertThat(ann.get("role").stringValue()).isEqualTo("end-user");
        assertThat(ann.get("organization_id").longValue()).isEqualTo(acme.get("id").longValue());
        assertThat(user("sam@" + p + "-resellco.test").get("name").stringValue()).isEqualTo("Sam, the seller Smith");
    }

    @Test // DIR-7: upserted by external id, so the same files a second time change nothing
    void aSecondImportOfTheSameFilesChangesNothing() {
        String accounts = accounts(p + "-A1," + p + " Acme,Customer,,,," + p + "-acme.test",
                p + "-P1," + p + " ResellCo,Partner,Select,Authorized,," + p + "-resellco.test");
        String contacts = contacts(p + "-C1," + p + "-A1,Ann,Able,ann@" + p + "-acme.test",
                p + "-C2," + p + "-P1,Sam,Seller,sam@" + p + "-resellco.test");
        imported(desk.admin, "accounts", accounts);
        imported(desk.admin, "contacts", contacts);
        JsonNode annBefore = user("ann@" + p + "-acme.test");
        JsonNode acmeBefore = organization(p + "-A1");

        JsonNode again = imported(desk.admin, "accounts", accounts);
        assertThat(List.of(again.get("created").intValue(), again.get("updated").intValue(), again.get("unchanged").intValue()))
                .containsExactly(0, 0, 2);
        JsonNode contactsAgain = imported(desk.admin, "contacts", contacts);
        assertThat(List.of(contactsAgain.get("created").intValue(), contactsAgain.get("updated").intValue(),
                contactsAgain.get("unchanged").intValue())).containsExactly(0, 0, 2);
        assertThat(user("ann@" + p + "-acme.test")).isEqualTo(annBefore);
        assertThat(organization(p + "-A1")).isEqualTo(acmeBefore);

        JsonNode changed = imported(desk.admin, "contacts", contacts(p + "-C1," + p + "-A1,Ann,Baker,ann@" + p + "-acme.test",
                p + "-C2," + p + "-P1,Sam,Seller,sam@" + p + "-resellco.test"));
        assertThat(List.of(changed.get("created").intValue(), changed.get("updated").intValue(), changed.get("unchanged").intValue()))
                .containsExactly(0, 1, 1);
        assertThat(user("ann@" + p + "-acme.test").get("name").stringValue()).isEqualTo("Ann Baker");
    }

    @Test // DIR-7: a user the desk knew before the CRM did is matched by e-mail and takes the contact's id
    void aKnownUserIsMatchedByEmailAndTakesTheContactsId() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        imported(desk.admin, "accounts", accounts(p + "-A1," + acme.name() + ",Customer,,,," + acme.domain()));
        assertThat(organization(p + "-A1").get("id").longValue()).isEqualTo(acme.id());
        JsonNode report = imported(desk.admin, "contacts", contacts(p + "-C1," + p + "-A1,Ann,Able," + ann.email()));
        assertThat(report.get("updated").intValue()).isEqualTo(1);
        assertThat(desk.admin.get("/api/v2/users/" + ann.id()).at("/user/external_id").stringValue()).isEqualTo(p + "-C1");
    }

    @Test // DIR-3 [001]: a contact never crosses between customer and partner; the row is reported and the rest imports
    void contactsThatWouldCrossBetweenCustomerAndPartnerAreRejectedPerRow() {
        Org customer = desk.aCustomer();
        Account existing = desk.endUserIn(customer);
        imported(desk.admin, "accounts", accounts(p + "-P1," + p + " ResellCo,Partner,Open,Authorized,," + p + "-resellco.test"));
        JsonNode report = imported(desk.admin, "contacts", contacts(
                p + "-C1," + p + "-P1,Existing,Customer," + existing.email(),
                p + "-C2," + p + "-P1,New,Customer,newbie@" + customer.domain(),
                p + "-C3," + p + "-P1,Sam,Seller,sam@" + p + "-resellco.test"));
        assertThat(report.get("created").intValue()).isEqualTo(1);
        assertThat(rejectedRows(report)).containsExactly(2, 3);
        for (JsonNode reject : report.get("rejected")) {
            assertThat(reject.get("column").stringValue()).isEqualTo("AccountId");
            assertThat(reject.get("rule").stringValue()).isEqualTo("DIR-3");
            assertThat(reject.get("reason").stringValue()).contains("cannot join partner " + p + " ResellCo");
        }
        assertThat(report.at("/rejected/0/external_id").stringValue()).isEqualTo(p + "-C1");
        assertThat(desk.admin.get("/api/v2/users/" + existing.id()).at("/user/organization_id").longValue()).isEqualTo(customer.id());
        assertThat(user("newbie@" + customer.domain())).isNull();
    }

    @Test // DIR-3: an imported contact remembers its side (users.contact_side) as one added through the API does
    void anImportedContactKeepsItsSideAfterLeaving() {
        imported(desk.admin, "accounts", accounts(p + "-A1," + p + " Acme,Customer,,,," + p + "-acme.test"));
        imported(desk.admin, "contacts", contacts(p + "-C1," + p + "-A1,Ann,Able,ann@" + p + "-acme.test"));
        long ann = user("ann@" + p + "-acme.test").get("id").longValue();
        long membership = desk.admin.get("/api/v2/organization_memberships?user_id=" + ann).at("/organization_memberships/0/id").longValue();
        assertThat(desk.admin.delete("/api/v2/organization_memberships/" + membership).status()).isEqualTo(204);
        Org partner = desk.aPartner("open");
        Reply join = desk.admin.post("/api/v2/organization_memberships", """
                {"organization_membership":{"user_id":%d,"organization_id":%d}}""".formatted(ann, partner.id()));
        assertThat(join.status()).isEqualTo(422);
        assertThat(join.text()).contains("DIR-3");
    }

    @Test // DIR-4 [004]: only support managers put people into an alliance partner's organization, by import too
    void onlySupportManagersImportContactsIntoAllianceOrganizations() {
        imported(desk.admin, "accounts", accounts(p + "-L1," + p + " Umbrella,Partner,Technology,Authorized,," + p + "-umbrella.test"));
        String contacts = contacts(p + "-C1," + p + "-L1,Ally,Able,ally@" + p + "-umbrella.test");
        JsonNode byAdmin = imported(desk.admin, "contacts", contacts);
        assertThat(byAdmin.get("created").intValue()).isZero();
        assertThat(byAdmin.at("/rejected/0/rule").stringValue()).isEqualTo("DIR-4");
        assertThat(byAdmin.at("/rejected/0/reason").stringValue()).contains("only members of Support Managers");
        JsonNode byManager = imported(desk.supportManager(), "contacts", contacts);
        assertThat(byManager.get("created").intValue()).isEqualTo(1);
    }

    @Test // DIR-7: a malformed row is rejected with its row, column and reason; the rest of the file imports
    void malformedRowsAreRejectedAndTheRestImports() {
        imported(desk.admin, "accounts", accounts(p + "-A1," + p + " Acme,Customer,,,," + p + "-acme.test"));
        JsonNode report = imported(desk.admin, "contacts", CONTACTS + "\n"
                + p + "-C1," + p + "-A1,Ann,\"Multi\nLine\",ann@" + p + "-acme.test\n"   // row 2, two lines
                + p + "-C2," + p + "-A1,Too,Many,fields@" + p + "-acme.test,extra\n"    // row 3
                + "," + p + "-A1,No,Id,noid@" + p + "-acme.test\n"                       // row 4
                + p + "-C4," + p + "-A1,Bad,Email,not-an-address\n"                      // row 5
                + p + "-C1," + p + "-A1,Ann,Twice,ann2@" + p + "-acme.test\n"            // row 6
                + p + "-C6," + p + "-NOPE,Lost,Account,lost@" + p + "-acme.test\n"       // row 7
                + p + "-C7," + p + "-A1,Bob,Good,bob@" + p + "-acme.test\n"              // row 8
                + p + "-C8," + p + "-A1,\"Never,closed,x@" + p + "-acme.test\n");       // row 9: quote open to the end
        assertThat(report.get("created").intValue()).isEqualTo(2);
        assertThat(rejectedRows(report)).containsExactly(3, 4, 5, 6, 7, 9);
        JsonNode rejected = report.get("rejected");
        assertThat(rejected.get(0).get("reason").stringValue()).contains("has 6 fields; the header has 5");
        assertThat(rejected.get(1).get("column").stringValue()).isEqualTo("Id");
        assertThat(rejected.get(2).get("column").stringValue()).isEqualTo("Email");
        assertThat(rejected.get(3).get("reason").stringValue()).contains("same contact as row 2");
        assertThat(rejected.get(4).get("column").stringValue()).isEqualTo("AccountId");
        assertThat(user("bob@" + p + "-acme.test")).isNotNull();
    }

    @Test // DIR-7 (DOMAIN-FACTS): customers, and partners that are Authorized or Former on a known track; nothing else
    void accountsOutsideTheProgrammeAreRejected() {
        JsonNode report = imported(desk.admin, "accounts", accounts(
                p + "-X1," + p + " Vendor,Vendor,,,,",
                p + "-X2," + p + " Prospect,Partner,Open,Prospect,,",
                p + "-X3," + p + " Gold,Partner,Gold,Authorized,,",
                p + "-X4," + p + " Baddomain,Customer,,,,not a domain!",
                p + "-X5," + p + " Fine,Customer,,,,"));
        assertThat(report.get("created").intValue()).isEqualTo(1);
        assertThat(rejectedRows(report)).containsExactly(2, 3, 4, 5);
        assertThat(report.get("rejected").findValuesAsString("column"))
                .containsExactly("Type", "Partner_Status__c", "Partner_Track__c", "Domains__c");
        assertThat(organization(p + "-X2")).isNull();
    }

    @Test // DIR-1: a domain names one organization, whether the desk holds it already or an earlier row of the file claims it
    void anAccountClaimingAnotherOrganizationsDomainIsRejected() {
        imported(desk.admin, "accounts", accounts(p + "-A1," + p + " Acme,Customer,,,," + p + "-acme.test"));

        JsonNode report = imported(desk.admin, "accounts", accounts(
                p + "-A1," + p + " Acme,Customer,,,," + p + "-acme.test",
                p + "-A2," + p + " Acme Two,Customer,,,," + p + "-acme.test",
                p + "-B1," + p + " Beta,Customer,,,," + p + "-beta.test",
                p + "-B2," + p + " Beta Again,Customer,,,,\"" + p + "-b2.test; " + p + "-beta.test\""));

        assertThat(rejectedRows(report)).containsExactly(3, 5);
        assertThat(report.get("rejected").findValuesAsString("rule")).containsExactly("DIR-1", "DIR-1");
        assertThat(report.get("rejected").findValuesAsString("column")).containsExactly("Domains__c", "Domains__c");
        assertThat(report.get("rejected").get(0).get("reason").stringValue()).contains(p + " Acme");
        assertThat(organization(p + "-A2")).isNull();
        assertThat(organization(p + "-B1")).isNotNull();
    }

    @Test // DIR-3 and DIR-4 hold for account changes as for PUT /organizations
    void anAccountChangeThatBreaksADirectoryRuleIsRejected() {
        imported(desk.admin, "accounts", accounts(p + "-A1," + p + " Acme,Customer,,,," + p + "-acme.test",
                p + "-P1," + p + " ResellCo,Partner,Open,Authorized,,"));
        imported(desk.admin, "contacts", contacts(p + "-C1," + p + "-A1,Ann,Able,ann@" + p + "-acme.test"));
        JsonNode report = imported(desk.admin, "accounts", accounts(p + "-A1," + p + " Acme,Partner,Open,Authorized,," + p + "-acme.test",
                p + "-P1," + p + " ResellCo,Partner,Technology,Authorized,,"));
        assertThat(report.get("updated").intValue()).isZero();
        assertThat(report.get("rejected").findValuesAsString("rule")).containsExactly("DIR-3", "DIR-4");
        assertThat(organization(p + "-A1").at("/organization_fields/org_type").stringValue()).isEqualTo("customer");
        assertThat(organization(p + "-P1").at("/organization_fields/partner_track").stringValue()).isEqualTo("open");
    }

    @Test // DIR-1, DIR-2: a name or an e-mail another record holds, in the desk or in an earlier row, is refused per row
    void aNameOrAnEmailAlreadyTakenIsRejectedPerRow() {
        imported(desk.admin, "accounts", accounts(p + "-A1," + p + " Acme,Customer,,,," + p + "-acme.test"));
        long acme = organization(p + "-A1").get("id").longValue();
        JsonNode accounts = imported(desk.admin, "accounts", accounts(
                p + "-A2," + p + " Acme,Customer,,,,",
                p + "-B1," + p + " Beta,Customer,,,,",
                p + "-B2," + p.toUpperCase() + " BETA,Customer,,,,"));
        assertThat(rejectedRows(accounts)).containsExactly(2, 4);
        assertThat(accounts.get("rejected").findValuesAsString("rule")).containsExactly("DIR-1", "DIR-1");
        assertThat(accounts.get("rejected").findValuesAsString("column")).containsExactly("Name", "Name");
        assertThat(accounts.at("/rejected/0/reason").stringValue())
                .isEqualTo("'" + p + " Acme' is already the name of organization " + acme + " (CRM account " + p + "-A1)");
        assertThat(accounts.at("/rejected/1/reason").stringValue())
                .isEqualTo("'" + p.toUpperCase() + " BETA' is also the name of an earlier row's account; organization names are unique");

        imported(desk.admin, "contacts", contacts(p + "-C1," + p + "-A1,Ann,Able,ann@" + p + "-acme.test"));
        long ann = user("ann@" + p + "-acme.test").get("id").longValue();
        Account agent = desk.agent();
        JsonNode contacts = imported(desk.admin, "contacts", contacts(
                p + "-C2," + p + "-A1,Ann,Again,ann@" + p + "-acme.test",
                p + "-C3," + p + "-A1,Bob,Able,bob@" + p + "-acme.test",
                p + "-C4," + p + "-A1,Bob,Twice,BOB@" + p + "-acme.test",
                p + "-C5," + p + "-A1,Agent,Smith," + agent.email()));
        assertThat(rejectedRows(contacts)).containsExactly(2, 4, 5);
        assertThat(contacts.get("rejected").findValuesAsString("column")).containsExactly("Email", "Email", "Email");
        assertThat(contacts.at("/rejected/0/rule").stringValue()).isEqualTo("DIR-2");
        assertThat(contacts.at("/rejected/0/reason").stringValue()).isEqualTo("ann@" + p + "-acme.test is already the e-mail of user "
                + ann + " (CRM contact " + p + "-C1); a user's e-mail is unique");
        assertThat(contacts.at("/rejected/1/rule").stringValue()).isEqualTo("DIR-2");
        assertThat(contacts.at("/rejected/1/reason").stringValue()).isEqualTo("BOB@" + p
                + "-acme.test is also the e-mail of an earlier row of this file; a user's e-mail is unique");
        assertThat(contacts.at("/rejected/2/reason").stringValue()).isEqualTo(agent.email()
                + " is a agent of the vendor; the CRM import places customer and partner contacts only");
        assertThat(organization(p + "-A2")).isNull();
    }

    @Test // DIR-7: the import is idempotent by itself; an Idempotency-Key neither replays it nor caps its body at 1 MB
    void anImportIsNotReplayedByIdempotencyKey() {
        ApiClient keyed = desk.admin.withHeader("Idempotency-Key", p);
        String csv = accounts(p + "-A1," + p + " Acme,Customer,,,,");
        Reply first = importing(keyed, "accounts", csv);
        Reply second = importing(keyed, "accounts", csv);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("x-idempotency-lookup")).isNull();
        assertThat(second.at("/import/id").longValue()).isNotEqualTo(first.at("/import/id").longValue());
        assertThat(second.at("/import/unchanged").intValue()).isEqualTo(1);
    }

    @Test // DIR-7: a file without the columns it needs is refused whole, and nothing changes
    void aFileWithoutTheRequiredColumnsIsRefused() {
        int before = desk.admin.get("/api/v2/imports/crm?page[size]=100").json().get("imports").size();
        Reply reply = importing(desk.admin, "contacts", "Id,Email\n" + p + "-C1,ann@" + p + "-acme.test\n");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.at("/error").stringValue()).isEqualTo("RecordInvalid");
        assertThat(reply.at("/details/file/0/description").stringValue()).contains("AccountId");
        assertThat(user("ann@" + p + "-acme.test")).isNull();
        assertThat(importing(desk.admin, "people", CONTACTS + "\n").status()).isEqualTo(422);
        assertThat(desk.admin.post("/api/v2/imports/crm?kind=contacts", "{}").status()).isEqualTo(415);
        assertThat(desk.admin.get("/api/v2/imports/crm?page[size]=100").json().get("imports").size()).isEqualTo(before);
    }

    @Test // DIR-7: each run is recorded (who, when, file, counts, rejects) and staff read the report
    void theReportOfAnImportIsReadableByStaff() {
        JsonNode report = imported(desk.admin, "accounts", accounts(p + "-X1," + p + " Vendor,Vendor,,,,",
                p + "-X2," + p + " Other,Reseller,,,,", p + "-A1," + p + " Acme,Customer,,,,"));
        long id = report.get("id").longValue();
        ApiClient agent = desk.agent().api();
        JsonNode shown = agent.get("/api/v2/imports/crm/" + id).json().get("import");
        assertThat(shown.get("actor_id").longValue()).isEqualTo(desk.admin.get("/api/v2/users/me").at("/user/id").longValue());
        assertThat(shown.get("source").stringValue()).isEqualTo("api");
        assertThat(shown.get("file_name").stringValue()).isEqualTo("accounts.csv");
        assertThat(shown.get("started_at").isNull()).isFalse();
        assertThat(shown.get("finished_at").isNull()).isFalse();
        assertThat(List.of(shown.get("rows").intValue(), shown.get("created").intValue(), shown.get("rejected_count").intValue()))
                .containsExactly(3, 1, 2);
        assertThat(rejectedRows(shown)).containsExactly(2, 3);
        Reply firstPage = agent.get("/api/v2/imports/crm/" + id + "/rejects?page[size]=1");
        assertThat(firstPage.at("/rejects/0/row").intValue()).isEqualTo(2);
        assertThat(firstPage.at("/meta/has_more").booleanValue()).isTrue();
        assertThat(agent.get(firstPage.at("/links/next").stringValue()).at("/rejects/0/row").intValue()).isEqualTo(3);
        assertThat(agent.get("/api/v2/imports/crm/999999").status()).isEqualTo(404);
    }

    @Test // API-2: admins import; agents read reports; end users (customers, partners, strangers) and nobody are refused
    void onlyAdminsImportAndOnlyStaffReadReports() {
        long id = imported(desk.admin, "accounts", accounts(p + "-A0," + p + " Seed,Customer,,,,")).get("id").longValue();
        Org customer = desk.aCustomer();
        Org partner = desk.aPartner("open");
        List<ApiClient> endUsers = List.of(desk.stranger().api(), desk.endUserIn(customer).api(), desk.endUserIn(partner).api());
        String csv = accounts(p + "-A1," + p + " Acme,Customer,,,,");
        for (ApiClient caller : endUsers) {
            assertThat(importing(caller, "accounts", csv).status()).isEqualTo(403);
            assertThat(caller.get("/api/v2/imports/crm/" + id).status()).isEqualTo(403);
            assertThat(caller.get("/api/v2/imports/crm").status()).isEqualTo(403);
            assertThat(caller.get("/api/v2/imports/crm/" + id + "/rejects").status()).isEqualTo(403);
        }
        ApiClient agent = desk.agent().api();
        Reply byAgent = importing(agent, "accounts", csv);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.at("/error").stringValue()).isEqualTo("Forbidden");
        assertThat(importing(desk.anonymous(), "accounts", csv).status()).isEqualTo(401);
        assertThat(desk.anonymous().get("/api/v2/imports/crm/" + id).status()).isEqualTo(401);
        assertThat(organization(p + "-A1")).isNull();
        assertThat(agent.get("/api/v2/imports/crm/" + id).status()).isEqualTo(200);
        assertThat(agent.get("/api/v2/imports/crm").status()).isEqualTo(200);
    }
}
