package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.Endpoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** DIR-6 NFR licenses over HTTP; "today" is the desk's UTC date. */
class NfrLicenseApiTest extends ApiTest {

    private static final String CREATE = "POST /api/v2/nfr_licenses";
    private static final String SHOW = "GET /api/v2/nfr_licenses/{id}";
    private static final String LIST = "GET /api/v2/nfr_licenses?organization_id={org}";

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    JdbcClient db;

    @Test
    void issuingAnNfrLicenseIsAudited() {
        long id = issue("{\"organization_id\":%d,\"users\":3}", desk.aPartner("open")).id("nfr_license");

        assertThat(auditedActions("nfr_license", id)).containsExactly("create");
    }

    @Test
    void adminIssuesAnNfrLicenseToAPartner() {
        Org partner = desk.aPartner("select");

        Reply issued = issue("""
                {"organization_id":%d,"plan":"premium","users":25,"starts_on":"2025-03-01","ends_on":"2025-09-30"}""", partner);
        Reply read = desk.admin.get("/api/v2/nfr_licenses/" + issued.id("nfr_license"));

        assertThat(issued.status()).isEqualTo(201);
        assertThat(read.at("/nfr_license/organization_id").longValue()).isEqualTo(partner.id());
        assertThat(read.at("/nfr_license/plan").stringValue()).isEqualTo("premium");
        assertThat(read.at("/nfr_license/users").intValue()).isEqualTo(25);
        assertThat(read.at("/nfr_license/starts_on").stringValue()).isEqualTo("2025-03-01");
        assertThat(read.at("/nfr_license/ends_on").stringValue()).isEqualTo("2025-09-30");
    }

    @Test
    void nfrLicenseIsOnUltimateByDefault() {
        Reply issued = issue("""
                {"organization_id":%d,"users":10}""", desk.aPartner("open"));

        assertThat(issued.at("/nfr_license/plan").stringValue()).isEqualTo("ultimate");
    }

    @Test
    void nfrLicenseStartsTodayByDefault() {
        Reply issued = issue("""
                {"organization_id":%d,"users":10}""", desk.aPartner("open"));

        assertThat(issued.at("/nfr_license/starts_on").stringValue()).isEqualTo(today.toString());
    }

    @Test
    void nfrLicenseRunsTwelveMonthsFromItsStartByDefault() {
        Reply issued = issue("""
                {"organization_id":%d,"users":10,"starts_on":"2025-01-31"}""", desk.aPartner("open"));

        assertThat(issued.at("/nfr_license/ends_on").stringValue()).isEqualTo("2026-01-31");
    }

    @Test
    void newNfrLicenseIsActive() {
        Reply issued = issue("""
                {"organization_id":%d,"users":10}""", desk.aPartner("select"));

        assertThat(issued.at("/nfr_license/status").stringValue()).isEqualTo("active");
    }

    @ParameterizedTest(name = "from {0} to {1} days -> {2}")
    @CsvSource({"-400, -1, expired", "-1, 0, active", "1, 30, future"})
    void statusFollowsTheDates(int startOffset, int endOffset, String status) {
        Org partner = desk.aPartner("open");

        Reply issued = desk.admin.post("/api/v2/nfr_licenses", """
                {"nfr_license":{"organization_id":%d,"users":5,"starts_on":"%s","ends_on":"%s"}}""".formatted(partner.id(),
                today.plusDays(startOffset), today.plusDays(endOffset)));

        assertThat(issued.at("/nfr_license/status").stringValue()).isEqualTo(status);
    }

    @Test
    void alliancePartnerMayHoldAnNfrLicense() {
        assertThat(issue("""
                {"organization_id":%d,"users":10}""", desk.aPartner("alliance")).status()).isEqualTo(201);
    }

    @Test
    void nfrLicenseForACustomerIsRefused() {
        Org acme = desk.aCustomer();

        Reply refused = issue("""
                {"organization_id":%d,"users":10}""", acme);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/organization_id/0/error").stringValue()).isEqualTo("DIR-6");
        assertThat(licenseCount(acme)).isZero();
    }

    @Test
    void nfrLicenseForAnInternalOrganizationIsRefused() {
        Reply refused = issue("""
                {"organization_id":%d,"users":10}""", desk.anInternalOrganization());

        assertThat(refused.at("/details/organization_id/0/error").stringValue()).isEqualTo("DIR-6");
    }

    @Test
    void nfrLicenseForAnUnknownOrganizationIsRefused() {
        Reply refused = desk.admin.post("/api/v2/nfr_licenses", """
                {"nfr_license":{"organization_id":999999999,"users":10}}""");

        assertThat(refused.at("/details/organization_id/0/error").stringValue()).isEqualTo("not_found");
    }

    @Test
    void nfrLicenseEndingBeforeItStartsIsRefused() {
        Org partner = desk.aPartner("open");

        Reply refused = issue("""
                {"organization_id":%d,"users":10,"starts_on":"2025-06-01","ends_on":"2025-05-31"}""", partner);

        assertThat(refused.at("/details/ends_on/0/error").stringValue()).isEqualTo("DIR-6");
        assertThat(licenseCount(partner)).isZero();
    }

    @Test
    void missingFieldsAreAllReported() {
        Reply refused = desk.admin.post("/api/v2/nfr_licenses", """
                {"nfr_license":{}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("details").propertyNames()).containsExactlyInAnyOrder("organization_id", "users");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"organization_id\":{org}}",
            "{\"organization_id\":{org},\"users\":0}",
            "{\"organization_id\":{org},\"users\":-3}",
            "{\"organization_id\":{org},\"users\":\"ten\"}",
            "{\"organization_id\":{org},\"users\":1.5}",
            "{\"organization_id\":{org},\"users\":10000000000}",
            "{\"organization_id\":\"{org}\",\"users\":10}",
            "{\"organization_id\":{org},\"users\":10,\"plan\":\"gold\"}",
            "{\"organization_id\":{org},\"users\":10,\"plan\":true}",
            "{\"organization_id\":{org},\"users\":10,\"starts_on\":\"2025-13-01\"}",
            "{\"organization_id\":{org},\"users\":10,\"ends_on\":\"tomorrow\"}",
            "{\"organization_id\":{org},\"users\":10,\"starts_on\":\"2025-06-01\",\"ends_on\":\"2025-01-01\"}"})
    void invalidNfrLicenseIsRefusedAndNothingIsCreated(String fields) {
        Org partner = desk.aPartner("select");

        Reply refused = desk.admin.post("/api/v2/nfr_licenses",
                "{\"nfr_license\":" + fields.replace("{org}", Long.toString(partner.id())) + "}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(licenseCount(partner)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"nfr_license\":{\"users\":", "[]", "{\"users\":10}", "{\"nfr_license\":[]}", "nope"})
    void malformedBodyIsABadRequest(String body) {
        assertThat(desk.admin.post("/api/v2/nfr_licenses", body).status()).isEqualTo(400);
    }

    @Test
    void unknownNfrLicenseIsNotFound() {
        assertThat(desk.admin.get("/api/v2/nfr_licenses/999999999").status()).isEqualTo(404);
    }

    @Test
    void nfrLicensesOfAPartnerArePagedByCursor() {
        Org partner = desk.aPartner("select");
        issue("{\"organization_id\":%d,\"users\":1}", partner);
        issue("{\"organization_id\":%d,\"users\":2}", partner);

        Reply first = desk.admin.get("/api/v2/nfr_licenses.json?organization_id=" + partner.id() + "&page[size]=1");
        Reply second = desk.admin.get(first.at("/links/next").stringValue());

        assertThat(first.at("/nfr_licenses/0/users").intValue()).isEqualTo(1);
        assertThat(second.at("/nfr_licenses/0/users").intValue()).isEqualTo(2);
        assertThat(second.at("/meta/has_more").booleanValue()).isFalse();
    }

    @Test
    void partnerUserReadsTheNfrLicensesOfItsOwnOrganization() {
        Org partner = desk.aPartner("open");
        long id = issue("{\"organization_id\":%d,\"users\":3}", partner).id("nfr_license");
        ApiClient pat = desk.endUserIn(partner).api();

        assertThat(pat.get("/api/v2/nfr_licenses/" + id).status()).isEqualTo(200);
        assertThat(pat.get("/api/v2/nfr_licenses?organization_id=" + partner.id()).json().get("nfr_licenses")).hasSize(1);
    }

    @Test
    void partnerUserCannotReadAnotherPartnersNfrLicenses() {
        Org other = desk.aPartner("open");
        long id = issue("{\"organization_id\":%d,\"users\":3}", other).id("nfr_license");
        ApiClient pat = desk.endUserIn(desk.aPartner("select")).api();

        assertThat(pat.get("/api/v2/nfr_licenses/" + id).status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(pat.get("/api/v2/nfr_licenses?organization_id=" + other.id()).status()).isEqualTo(403);
        assertThat(pat.get("/api/v2/nfr_licenses").status()).isEqualTo(403);
    }

    @Test
    void partnerUserCannotIssueItselfAnNfrLicense() {
        Org partner = desk.aPartner("open");
        ApiClient pat = desk.endUserIn(partner).api();

        pat.post("/api/v2/nfr_licenses", "{\"nfr_license\":{\"organization_id\":%d,\"users\":3}}".formatted(partner.id()));

        assertThat(licenseCount(partner)).isZero();
    }

    @Test
    void partnerHoldingAnNfrLicenseCannotBecomeACustomer() {
        Org partner = desk.aPartner("open");
        issue("{\"organization_id\":%d,\"users\":3}", partner);

        Reply refused = desk.admin.put("/api/v2/organizations/" + partner.id(), """
                {"organization":{"organization_fields":{"org_type":"customer","partner_track":null}}}""");

        assertThat(refused.at("/details/organization_fields.org_type/0/error").stringValue()).isEqualTo("DIR-6");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CREATE, SHOW, LIST})
    void anonymousCallerIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.anonymous()).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CREATE, SHOW, LIST})
    void strangerIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.stranger().api()).status()).isEqualTo(refusal(endpoint));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CREATE, SHOW, LIST})
    void endUserOfAnotherOrganizationIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.endUserIn(desk.aPartner("select")).api()).status()).isEqualTo(refusal(endpoint));
    }

    /** #10 item 15: another's license by id answers as one that does not exist; creating and listing are refused by role. */
    private static int refusal(String endpoint) {
        return endpoint.equals(SHOW) ? 404 : 403;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SHOW, LIST})
    void agentReads(String endpoint) {
        assertThat(call(endpoint, desk.agent().api()).status()).isEqualTo(200);
    }

    @Test
    void agentCannotIssueAndNothingIsCreated() {
        Org partner = desk.aPartner("open");

        Reply refused = desk.agent().api().post("/api/v2/nfr_licenses",
                "{\"nfr_license\":{\"organization_id\":%d,\"users\":3}}".formatted(partner.id()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(licenseCount(partner)).isZero();
    }

    /** Sends one endpoint as {@code api}, against an NFR license of an open partner arranged by the admin. */
    private Reply call(String endpoint, ApiClient api) {
        Org partner = desk.aPartner("open");
        long id = issue("{\"organization_id\":%d,\"users\":3}", partner).id("nfr_license");
        String body = "{\"nfr_license\":{\"organization_id\":%d,\"users\":3}}".formatted(partner.id());
        return Endpoint.of(endpoint).send(api, Map.of("id", id, "org", partner.id()), body);
    }

    /** Posts the fields of an NFR license as the admin; {@code %d} in them is the organization's id. */
    private Reply issue(String fields, Org org) {
        return desk.admin.post("/api/v2/nfr_licenses", "{\"nfr_license\":" + fields.formatted(org.id()) + "}");
    }

    private int licenseCount(Org org) {
        return desk.admin.get("/api/v2/nfr_licenses?organization_id=" + org.id()).json().get("nfr_licenses").size();
    }

    private List<String> auditedActions(String entity, long id) {
        return db.sql("select action from directory_audits where entity = ? and entity_id = ? order by id")
                .params(entity, id).query(String.class).list();
    }
}
