package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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

/** DIR-5 subscriptions over HTTP; "today" is the desk's UTC date. */
class SubscriptionApiTest extends ApiTest {

    private static final String CREATE = "POST /api/v2/subscriptions";
    private static final String SHOW = "GET /api/v2/subscriptions/{id}";
    private static final String LIST = "GET /api/v2/subscriptions?organization_id={org}";
    private static final String UPDATE = "PUT /api/v2/subscriptions/{id}";

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    JdbcClient db;

    @Test
    void everySubscriptionWriteIsAudited() {
        long id = subscribe(desk.aCustomer(), "starter", today, today.plusYears(1)).id("subscription");
        desk.admin.put("/api/v2/subscriptions/" + id, "{\"subscription\":{\"seats\":3}}");

        assertThat(auditedActions("subscription", id)).containsExactly("create", "update");
    }

    @Test
    void adminSubscribesACustomerAndReadsItBack() {
        Org acme = desk.aCustomer();

        Reply created = subscribe(acme, "premium", today.minusMonths(1), today.plusMonths(11));
        Reply read = desk.admin.get("/api/v2/subscriptions/" + created.id("subscription"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(read.at("/subscription/organization_id").longValue()).isEqualTo(acme.id());
        assertThat(read.at("/subscription/plan").stringValue()).isEqualTo("premium");
        assertThat(read.at("/subscription/seats").intValue()).isEqualTo(25);
        assertThat(read.at("/subscription/starts_on").stringValue()).isEqualTo(today.minusMonths(1).toString());
        assertThat(read.at("/subscription/ends_on").stringValue()).isEqualTo(today.plusMonths(11).toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ultimate, priority", "premium, priority", "starter, standard", "free, none"})
    void supportLevelFollowsThePlan(String plan, String supportLevel) {
        Reply created = subscribe(desk.aCustomer(), plan, today.minusDays(10), today.plusDays(10));

        assertThat(created.at("/subscription/support_level").stringValue()).isEqualTo(supportLevel);
    }

    @Test
    void expiredSubscriptionHasNoSupportLevel() {
        Reply created = subscribe(desk.aCustomer(), "ultimate", today.minusYears(2), today.minusYears(1));

        assertThat(created.at("/subscription/support_level").stringValue()).isEqualTo("none");
    }

    @Test
    void futureSubscriptionHasNoSupportLevelYet() {
        Reply created = subscribe(desk.aCustomer(), "ultimate", today.plusDays(1), today.plusYears(1));

        assertThat(created.at("/subscription/support_level").stringValue()).isEqualTo("none");
    }

    @Test
    void subscriptionEndingTodayStillGivesSupport() {
        Reply created = subscribe(desk.aCustomer(), "premium", today.minusYears(1), today);

        assertThat(created.at("/subscription/support_level").stringValue()).isEqualTo("priority");
    }

    @ParameterizedTest(name = "from {0} to {1} days -> {2}")
    @CsvSource({"-30, -1, expired", "-1, 0, active", "0, 0, active", "1, 30, future"})
    void statusFollowsTheDates(int startOffset, int endOffset, String status) {
        Reply created = subscribe(desk.aCustomer(), "starter", today.plusDays(startOffset), today.plusDays(endOffset));

        assertThat(created.at("/subscription/status").stringValue()).isEqualTo(status);
    }

    @Test
    void subscriptionBoughtThroughAPartnerNamesIt() {
        Org reseller = desk.aPartner("open");

        Reply created = subscribe(desk.aCustomer(), "premium", today, today.plusYears(1), reseller.id());

        assertThat(created.at("/subscription/purchased_through_organization_id").longValue()).isEqualTo(reseller.id());
    }

    @Test
    void subscriptionCannotBeBoughtThroughACustomer() {
        Org acme = desk.aCustomer();

        Reply refused = subscribe(acme, "premium", today, today.plusYears(1), desk.aCustomer().id());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/purchased_through_organization_id/0/error").stringValue()).isEqualTo("DIR-5");
        assertThat(subscriptionCount(acme)).isZero();
    }

    @Test
    void subscriptionCannotBeBoughtThroughAnUnknownOrganization() {
        Reply refused = subscribe(desk.aCustomer(), "premium", today, today.plusYears(1), 999_999_999L);

        assertThat(refused.at("/details/purchased_through_organization_id/0/error").stringValue()).isEqualTo("not_found");
    }

    @Test // DIR-5: the vendor's own staff organization is not sold a plan
    void theInternalStaffOrganizationGetsNoSubscription() {
        Org staff = desk.anInternalOrganization();

        Reply refused = subscribe(staff, "premium", today, today.plusYears(1));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/organization_id/0/error").stringValue()).isEqualTo("DIR-5");
        assertThat(subscriptionCount(staff)).isZero();
        Org customer = desk.aCustomer();
        desk.subscribe(customer, "premium");
        Reply becomesInternal = desk.admin.put("/api/v2/organizations/" + customer.id(), """
                {"organization":{"organization_fields":{"org_type":"internal"}}}""");
        assertThat(becomesInternal.status()).as(becomesInternal.toString()).isEqualTo(422);
        assertThat(becomesInternal.at("/details/organization_fields.org_type/0/error").stringValue()).isEqualTo("DIR-5");
    }

    @Test
    void subscriptionOfAnUnknownOrganizationIsRefused() {
        Reply refused = desk.admin.post("/api/v2/subscriptions", body(999_999_999L, "premium", "10", today, today, null));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/organization_id/0/error").stringValue()).isEqualTo("not_found");
    }

    @Test
    void subscriptionEndingBeforeItStartsIsRefused() {
        Org acme = desk.aCustomer();

        Reply refused = subscribe(acme, "premium", today, today.minusDays(1));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/ends_on/0/error").stringValue()).isEqualTo("DIR-5");
        assertThat(subscriptionCount(acme)).isZero();
    }

    @Test
    void unknownPlanIsRefused() {
        Reply refused = desk.admin.post("/api/v2/subscriptions", body(desk.aCustomer().id(), "gold", "10", today, today, null));

        assertThat(refused.at("/details/plan/0/error").stringValue()).isEqualTo("invalid_value");
    }

    @Test
    void missingFieldsAreAllReported() {
        Reply refused = desk.admin.post("/api/v2/subscriptions", """
                {"subscription":{}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("details").propertyNames())
                .containsExactlyInAnyOrder("organization_id", "plan", "seats", "starts_on", "ends_on");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"subscription\":{\"plan\":\"premium\",\"seats\":10,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"seats\":10,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":10,\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":10,\"starts_on\":\"2025-01-01\"}}",
            "{\"subscription\":{\"organization_id\":\"{org}\",\"plan\":\"premium\",\"seats\":10,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":\"ten\",\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":-1,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":2.5,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":7,\"seats\":10,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"Premium\",\"seats\":10,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":10,\"starts_on\":\"2025-02-30\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":10,\"starts_on\":\"01/01/2025\",\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":10,\"starts_on\":20250101,\"ends_on\":\"2025-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":10,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2024-12-31\"}}",
            "{\"subscription\":{\"organization_id\":{org},\"plan\":\"premium\",\"seats\":10,\"starts_on\":\"2025-01-01\",\"ends_on\":\"2025-12-31\",\"purchased_through_organization_id\":\"x\"}}"})
    void invalidSubscriptionIsRefusedAndNothingIsCreated(String template) {
        Org acme = desk.aCustomer();

        Reply refused = desk.admin.post("/api/v2/subscriptions", template.replace("{org}", Long.toString(acme.id())));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(subscriptionCount(acme)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"subscription\":{\"organization_id\":", "[]", "{\"plan\":\"premium\"}", "{\"subscription\":\"premium\"}", "nope"})
    void malformedBodyIsABadRequest(String body) {
        assertThat(desk.admin.post("/api/v2/subscriptions", body).status()).isEqualTo(400);
    }

    @Test
    void downgradeToFreeTakesTheSupportLevelAway() {
        long id = subscribe(desk.aCustomer(), "premium", today.minusDays(1), today.plusYears(1)).id("subscription");

        Reply updated = desk.admin.put("/api/v2/subscriptions/" + id, """
                {"subscription":{"plan":"free"}}""");

        assertThat(updated.at("/subscription/support_level").stringValue()).isEqualTo("none");
    }

    @Test
    void updateKeepsTheFieldsItDoesNotName() {
        long id = subscribe(desk.aCustomer(), "premium", today.minusDays(1), today.plusYears(1)).id("subscription");

        desk.admin.put("/api/v2/subscriptions/" + id, """
                {"subscription":{"seats":40}}""");

        assertThat(desk.admin.get("/api/v2/subscriptions/" + id).at("/subscription/plan").stringValue()).isEqualTo("premium");
    }

    @Test
    void updateIgnoresAnotherOrganizationId() {
        Org acme = desk.aCustomer();
        long id = subscribe(acme, "premium", today, today.plusYears(1)).id("subscription");

        Reply updated = desk.admin.put("/api/v2/subscriptions/" + id, """
                {"subscription":{"organization_id":%d,"seats":3}}""".formatted(desk.aCustomer().id()));

        assertThat(updated.at("/subscription/organization_id").longValue()).isEqualTo(acme.id());
    }

    @Test
    void updateEndingBeforeTheStartIsRefusedAndChangesNothing() {
        long id = subscribe(desk.aCustomer(), "premium", today, today.plusYears(1)).id("subscription");

        Reply refused = desk.admin.put("/api/v2/subscriptions/" + id, """
                {"subscription":{"ends_on":"%s"}}""".formatted(today.minusDays(1)));

        assertThat(refused.at("/details/ends_on/0/error").stringValue()).isEqualTo("DIR-5");
        assertThat(desk.admin.get("/api/v2/subscriptions/" + id).at("/subscription/ends_on").stringValue())
                .isEqualTo(today.plusYears(1).toString());
    }

    @Test
    void updateWithAnUnknownPlanChangesNothing() {
        long id = subscribe(desk.aCustomer(), "premium", today, today.plusYears(1)).id("subscription");

        Reply refused = desk.admin.put("/api/v2/subscriptions/" + id, """
                {"subscription":{"plan":"platinum","seats":1}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(desk.admin.get("/api/v2/subscriptions/" + id).at("/subscription/seats").intValue()).isEqualTo(25);
    }

    @Test
    void updateThroughACustomerIsRefused() {
        long id = subscribe(desk.aCustomer(), "premium", today, today.plusYears(1)).id("subscription");

        Reply refused = desk.admin.put("/api/v2/subscriptions/" + id, """
                {"subscription":{"purchased_through_organization_id":%d}}""".formatted(desk.aCustomer().id()));

        assertThat(refused.at("/details/purchased_through_organization_id/0/error").stringValue()).isEqualTo("DIR-5");
    }

    @Test
    void unknownSubscriptionIsNotFound() {
        assertThat(desk.admin.get("/api/v2/subscriptions/999999999").status()).isEqualTo(404);
        assertThat(desk.admin.put("/api/v2/subscriptions/999999999", "{\"subscription\":{\"seats\":1}}").status()).isEqualTo(404);
    }

    @Test
    void subscriptionsOfAnOrganizationArePagedByCursor() {
        Org acme = desk.aCustomer();
        for (String plan : new String[] {"free", "starter", "premium"}) {
            subscribe(acme, plan, today, today.plusYears(1));
        }

        Reply first = desk.admin.get("/api/v2/subscriptions.json?organization_id=" + acme.id() + "&page[size]=2");
        Reply second = desk.admin.get(first.at("/links/next").stringValue());

        assertThat(first.json().get("subscriptions")).hasSize(2);
        assertThat(second.at("/subscriptions/0/plan").stringValue()).isEqualTo("premium");
        assertThat(second.at("/meta/has_more").booleanValue()).isFalse();
    }

    @Test
    void listingNamesOnlyTheOrganizationAskedFor() {
        Org acme = desk.aCustomer();
        subscribe(acme, "starter", today, today.plusYears(1));
        subscribe(desk.aCustomer(), "premium", today, today.plusYears(1));

        Reply listed = desk.admin.get("/api/v2/subscriptions?organization_id=" + acme.id());

        assertThat(listed.json().get("subscriptions")).singleElement()
                .satisfies(s -> assertThat(s.get("organization_id").longValue()).isEqualTo(acme.id()));
    }

    @Test
    void endUserReadsTheSubscriptionsOfItsOwnOrganization() {
        Org acme = desk.aCustomer();
        long id = subscribe(acme, "premium", today, today.plusYears(1)).id("subscription");
        ApiClient ann = desk.endUserIn(acme).api();

        assertThat(ann.get("/api/v2/subscriptions/" + id).status()).isEqualTo(200);
        assertThat(ann.get("/api/v2/subscriptions?organization_id=" + acme.id()).json().get("subscriptions")).hasSize(1);
    }

    @Test
    void endUserCannotReadAnotherOrganizationsSubscriptions() {
        Org other = desk.aCustomer();
        long id = subscribe(other, "premium", today, today.plusYears(1)).id("subscription");
        ApiClient ann = desk.endUserIn(desk.aCustomer()).api();

        assertThat(ann.get("/api/v2/subscriptions/" + id).status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(ann.get("/api/v2/subscriptions?organization_id=" + other.id()).status()).isEqualTo(403);
    }

    @Test
    void endUserMustNameItsOrganizationToList() {
        ApiClient ann = desk.endUserIn(desk.aCustomer()).api();

        assertThat(ann.get("/api/v2/subscriptions").status()).isEqualTo(403);
    }

    @Test
    void partnerNamedOnASubscriptionCannotStopBeingAPartner() {
        Org reseller = desk.aPartner("open");
        subscribe(desk.aCustomer(), "premium", today, today.plusYears(1), reseller.id());

        Reply refused = desk.admin.put("/api/v2/organizations/" + reseller.id(), """
                {"organization":{"organization_fields":{"org_type":"customer","partner_track":null}}}""");

        assertThat(refused.at("/details/organization_fields.org_type/0/error").stringValue()).isEqualTo("DIR-5");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CREATE, SHOW, LIST, UPDATE})
    void anonymousCallerIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.anonymous()).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CREATE, SHOW, LIST, UPDATE})
    void strangerIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.stranger().api()).status()).isEqualTo(refusal(endpoint));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CREATE, SHOW, LIST, UPDATE})
    void endUserOfAnotherOrganizationIsRefused(String endpoint) {
        assertThat(call(endpoint, desk.endUserIn(desk.aCustomer()).api()).status()).isEqualTo(refusal(endpoint));
    }

    /** #10 item 15: another's subscription by id answers as one that does not exist; creating and listing are refused by role. */
    private static int refusal(String endpoint) {
        return endpoint.equals(SHOW) || endpoint.equals(UPDATE) ? 404 : 403;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SHOW, LIST})
    void agentReads(String endpoint) {
        assertThat(call(endpoint, desk.agent().api()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CREATE, UPDATE})
    void agentCannotWrite(String endpoint) {
        assertThat(call(endpoint, desk.agent().api()).status()).isEqualTo(403);
    }

    @Test
    void endUserCannotWriteEvenForItsOwnOrganization() {
        Org acme = desk.aCustomer();
        long id = subscribe(acme, "premium", today, today.plusYears(1)).id("subscription");
        ApiClient ann = desk.endUserIn(acme).api();

        assertThat(ann.post("/api/v2/subscriptions", body(acme.id(), "ultimate", "5", today, today, null)).status()).isEqualTo(403);
        assertThat(ann.put("/api/v2/subscriptions/" + id, "{\"subscription\":{\"plan\":\"ultimate\"}}").status()).isEqualTo(403);
    }

    @Test
    void refusedWritesChangeNothing() {
        Org acme = desk.aCustomer();
        long id = subscribe(acme, "starter", today, today.plusYears(1)).id("subscription");
        ApiClient agent = desk.agent().api();

        agent.post("/api/v2/subscriptions", body(acme.id(), "ultimate", "5", today, today, null));
        agent.put("/api/v2/subscriptions/" + id, "{\"subscription\":{\"plan\":\"ultimate\"}}");

        assertThat(subscriptionCount(acme)).isEqualTo(1);
        assertThat(desk.admin.get("/api/v2/subscriptions/" + id).at("/subscription/plan").stringValue()).isEqualTo("starter");
    }

    /** Sends one endpoint as {@code api}, against a premium subscription of a customer arranged by the admin. */
    private Reply call(String endpoint, ApiClient api) {
        Org acme = desk.aCustomer();
        long id = subscribe(acme, "premium", today, today.plusYears(1)).id("subscription");
        String body = body(acme.id(), "ultimate", "5", today, today.plusYears(1), null);
        return Endpoint.of(endpoint).send(api, Map.of("id", id, "org", acme.id()), body);
    }

    private Reply subscribe(Org org, String plan, LocalDate startsOn, LocalDate endsOn) {
        return desk.admin.post("/api/v2/subscriptions", body(org.id(), plan, "25", startsOn, endsOn, null));
    }

    private Reply subscribe(Org org, String plan, LocalDate startsOn, LocalDate endsOn, long purchasedThrough) {
        return desk.admin.post("/api/v2/subscriptions", body(org.id(), plan, "25", startsOn, endsOn, purchasedThrough));
    }

    private static String body(long organizationId, String plan, String seats, LocalDate startsOn, LocalDate endsOn,
                               @Nullable Long purchasedThrough) {
        return """
                {"subscription":{"organization_id":%d,"plan":"%s","seats":%s,"starts_on":"%s","ends_on":"%s",
                 "purchased_through_organization_id":%s}}""".formatted(organizationId, plan, seats, startsOn, endsOn, purchasedThrough);
    }

    private int subscriptionCount(Org org) {
        return desk.admin.get("/api/v2/subscriptions?organization_id=" + org.id()).json().get("subscriptions").size();
    }

    private List<String> auditedActions(String entity, long id) {
        return db.sql("select action from directory_audits where entity = ? and entity_id = ? order by id")
                .params(entity, id).query(String.class).list();
    }
}
