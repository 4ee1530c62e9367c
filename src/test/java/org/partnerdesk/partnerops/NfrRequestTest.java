package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/** PO-3 [003]: partners ask for NFR users; eligibility is explained requirement by requirement; Licensing fulfil. */
class NfrRequestTest extends NfrApiTest {

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test // PO-3
    void eligibleRequestGoesToLicensingWhoFulfilItAsATwelveMonthUltimateLicense() {
        Org partner = desk.aPartner("open");
        Account sam = nfr.eligiblePartnerUser(partner);
        Account licensing = nfr.member("Licensing");

        Reply asked = nfr.ask(sam, 5);

        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.at("/nfr_request/status").stringValue()).isEqualTo("awaiting_fulfilment");
        assertThat(asked.at("/nfr_request/owner_group").stringValue()).isEqualTo("Licensing");
        assertThat(asked.at("/nfr_request/eligible").booleanValue()).isTrue();
        assertThat(codes(asked.at("/nfr_request/requirements"))).containsExactly("partner_track", "good_standing", "certification", "user_allowance");
        assertThat(asked.at("/nfr_request/missing_requirements").size()).isZero();
        long id = asked.id("nfr_request");
        assertThat(nfr.mailTo(licensing.email(), "NFR request #" + id + " awaits")).contains("5 ultimate NFR users", "meets every requirement");

        Reply fulfilled = licensing.api().post("/api/v2/nfr_requests/" + id + "/fulfil", "{}");

        assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
        assertThat(fulfilled.at("/nfr_request/status").stringValue()).isEqualTo("fulfilled");
        long licenseId = fulfilled.at("/nfr_request/nfr_license_id").longValue();
        Reply license = sam.api().get("/api/v2/nfr_licenses/" + licenseId);
        assertThat(license.at("/nfr_license/organization_id").longValue()).isEqualTo(partner.id());
        assertThat(license.at("/nfr_license/plan").stringValue()).isEqualTo("ultimate");
        assertThat(license.at("/nfr_license/users").intValue()).isEqualTo(5);
        assertThat(license.at("/nfr_license/starts_on").stringValue()).isEqualTo(today.toString());
        assertThat(license.at("/nfr_license/ends_on").stringValue()).isEqualTo(today.plusMonths(12).toString());
        assertThat(nfr.mailTo(sam.email(), "NFR license #" + licenseId + " for")).contains("NFR request #" + id, "5 users on ultimate");
        assertThat(audits(id)).containsExactly("submit", "fulfil");
    }

    @Test // PO-3
    void ineligibleRequestTellsTheSubmitterEachMissingRequirementAndHowToMeetIt() {
        Org partner = desk.aPartner("open");
        nfr.compliant(partner, false);
        Account sam = desk.endUserIn(partner);

        Reply asked = nfr.ask(sam, 15);

        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.at("/nfr_request/status").stringValue()).isEqualTo("ineligible");
        assertThat(asked.at("/nfr_request/eligible").booleanValue()).isFalse();
        assertThat(asked.at("/nfr_request/owner_group").isNull()).isTrue();
        assertThat(codes(asked.at("/nfr_request/missing_requirements"))).containsExactly("good_standing", "certification", "user_allowance");
        JsonNode requirements = asked.at("/nfr_request/requirements");
        assertThat(requirements.get(0).get("met").booleanValue()).as("the track has an allowance").isTrue();
        assertThat(requirements.get(1).get("how_to_meet").stringValue()).contains("2 sales-certified");
        assertThat(requirements.get(3).get("fact").stringValue()).contains("15 users", "10 NFR users");
        long id = asked.id("nfr_request");

        String mail = nfr.mailTo(sam.email(), "NFR request #" + id + ":");
        assertThat(mail).contains("NFR request #" + id, "not compliant with its track's requirements",
                "Solution Architect or the Professional Services Engineer certification", "Ask for at most 10 users",
                "NFR exception (PO-4)");
        assertThat(audits(id)).containsExactly("submit");
    }

    @Test // PO-3
    void anIneligibleRequestIsNotFulfilled() {
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long id = nfr.ask(sam, 3).id("nfr_request");

        Reply refused = nfr.member("Licensing").api().post("/api/v2/nfr_requests/" + id + "/fulfil", "{}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/status/0/error").stringValue()).isEqualTo("PO-3");
        assertThat(desk.admin.get("/api/v2/nfr_licenses?organization_id=" + sam.organizationId()).at("/nfr_licenses").size()).isZero();
    }

    @Test // PO-3
    void aRequestIsFulfilledOnce() {
        Account sam = nfr.eligiblePartnerUser(desk.aPartner("select"));
        long id = nfr.ask(sam, 25).id("nfr_request");
        Account licensing = nfr.member("Licensing");
        assertThat(licensing.api().post("/api/v2/nfr_requests/" + id + "/fulfil", "{}").status()).isEqualTo(200);

        Reply again = licensing.api().post("/api/v2/nfr_requests/" + id + "/fulfil", "{}");

        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(desk.admin.get("/api/v2/nfr_licenses?organization_id=" + sam.organizationId()).at("/nfr_licenses").size()).isEqualTo(1);
    }

    @Test // PO-3, DOMAIN-FACTS: Select partners may hold 25 NFR users, Open ones 10
    void theAllowanceFollowsTheTrack() {
        Account select = nfr.eligiblePartnerUser(desk.aPartner("select"));
        Account open = nfr.eligiblePartnerUser(desk.aPartner("open"));

        assertThat(nfr.ask(select, 25).at("/nfr_request/status").stringValue()).isEqualTo("awaiting_fulfilment");
        assertThat(nfr.ask(open, 11).at("/nfr_request/status").stringValue()).isEqualTo("ineligible");
    }

    @Test // PO-3: users already held, or awaiting fulfilment, count against the allowance
    void usersAlreadyHeldCountAgainstTheAllowance() {
        Org partner = desk.aPartner("open");
        Account sam = nfr.eligiblePartnerUser(partner);
        desk.nfrLicense(partner, today.minusMonths(1), today.plusMonths(11));

        Reply asked = nfr.ask(sam, 1);

        assertThat(codes(asked.at("/nfr_request/missing_requirements"))).containsExactly("user_allowance");
        assertThat(asked.at("/nfr_request/requirements/3/fact").stringValue()).contains("10 already held");
    }

    @Test // PO-3: an Open partner asking again in the last two weeks gets the next license from the day the current one ends
    void aLicenseAboutToEndDoesNotCountAndTheNewOneFollowsIt() {
        Org partner = desk.aPartner("open");
        Account sam = nfr.eligiblePartnerUser(partner);
        desk.nfrLicense(partner, today.minusMonths(11), today.plusDays(10));

        long id = nfr.ask(sam, 10).id("nfr_request");
        Reply fulfilled = nfr.member("Licensing").api().post("/api/v2/nfr_requests/" + id + "/fulfil", "{}");

        long licenseId = fulfilled.at("/nfr_request/nfr_license_id").longValue();
        assertThat(desk.admin.get("/api/v2/nfr_licenses/" + licenseId).at("/nfr_license/starts_on").stringValue())
                .isEqualTo(today.plusDays(11).toString());
    }

    @Test // PO-3, DOMAIN-FACTS: distributors have no NFR allowance; alliance partners need no certification
    void theTrackDecidesWhetherNfrLicensesExistAtAll() {
        Reply distributor = nfr.ask(desk.endUserIn(desk.aPartner("distributor")), 1);
        Reply alliance = nfr.ask(desk.user("end-user", desk.aPartner("alliance")), 10);

        assertThat(codes(distributor.at("/nfr_request/missing_requirements"))).contains("partner_track", "user_allowance");
        assertThat(alliance.at("/nfr_request/status").stringValue()).isEqualTo("awaiting_fulfilment");
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        Account sam = nfr.eligiblePartnerUser(desk.aPartner("open"));

        Reply premium = sam.api().post("/api/v2/nfr_requests", """
                {"nfr_request":{"plan":"premium","users":0,"deployment":"cloud"}}""");

        assertThat(premium.status()).as(premium.toString()).isEqualTo(422);
        assertThat(premium.at("/details/plan/0/description").stringValue()).contains("ultimate");
        assertThat(premium.json().get("details").has("users")).isTrue();
        assertThat(premium.json().get("details").has("deployment")).isTrue();
        assertThat(sam.api().get("/api/v2/nfr_requests").at("/nfr_requests").size()).isZero();
    }

    @Test // PO-3: every transition has its owner group
    void onlyPartnersSubmitAndOnlyLicensingFulfils() {
        Account sam = nfr.eligiblePartnerUser(desk.aPartner("open"));
        long id = nfr.ask(sam, 2).id("nfr_request");
        String fulfil = "/api/v2/nfr_requests/" + id + "/fulfil";

        assertThat(sam.api().post(fulfil, "{}").status()).as("a partner cannot approve its own request").isEqualTo(403);
        assertThat(desk.agent().api().post(fulfil, "{}").status()).isEqualTo(403);
        assertThat(nfr.member("Partner Operations").api().post(fulfil, "{}").status()).isEqualTo(403);
        assertThat(desk.stranger().api().post(fulfil, "{}").status()).isEqualTo(403);
        assertThat(desk.anonymous().post(fulfil, "{}").status()).isEqualTo(401);

        assertThat(nfr.ask(desk.stranger(), 1).status()).isEqualTo(403);
        assertThat(nfr.ask(desk.endUserIn(desk.aCustomer()), 1).status()).isEqualTo(403);
        assertThat(nfr.ask(nfr.member("Licensing"), 1).status()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/nfr_requests/" + id).at("/nfr_request/status").stringValue()).isEqualTo("awaiting_fulfilment");
    }

    @Test // API-2: a partner reads its own requests only
    void aPartnerSeesOnlyItsOwnRequests() {
        Org partner = desk.aPartner("open");
        Account sam = nfr.eligiblePartnerUser(partner);
        long id = nfr.ask(sam, 2).id("nfr_request");
        Account other = desk.endUserIn(desk.aPartner("open"));
        String show = "/api/v2/nfr_requests/" + id;

        assertThat(sam.api().get(show).status()).isEqualTo(200);
        assertThat(desk.endUserIn(partner).api().get(show).status()).as("a colleague").isEqualTo(200);
        assertThat(other.api().get(show).status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(desk.endUserIn(desk.aCustomer()).api().get(show).status()).isEqualTo(404);
        assertThat(desk.stranger().api().get(show).status()).isEqualTo(404);
        assertThat(desk.anonymous().get(show).status()).isEqualTo(401);
        assertThat(other.api().get("/api/v2/nfr_requests").at("/nfr_requests").size()).isZero();
        assertThat(other.api().get("/api/v2/nfr_requests?organization_id=" + sam.organizationId()).status()).isEqualTo(403);
        assertThat(desk.agent().api().get(show).status()).isEqualTo(200);
    }

    private List<String> audits(long requestId) {
        return db.sql("select action from nfr_audits where entity = 'nfr_request' and entity_id = ? order by id")
                .param(requestId).query(String.class).list();
    }

    static List<String> codes(JsonNode requirements) {
        List<String> codes = new ArrayList<>();
        requirements.forEach(r -> codes.add(r.get("code").stringValue()));
        return codes;
    }
}
