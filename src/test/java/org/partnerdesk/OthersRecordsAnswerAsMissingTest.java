package org.partnerdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/**
 * API-2 (#10 item 15): a record that exists but is not the end user's answers exactly as one that does not exist,
 * 404 with the same body, on every read and write path by id, so ids cannot be probed. Ann of Acme and Sam of the
 * partner ResellCo own the records; Bob (a customer of another organization) and Rita (a user of another partner)
 * ask for them by id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OthersRecordsAnswerAsMissingTest extends ApiTest {

    private static final long MISSING = 999_999_999L;

    /** One path by id, whose record {@code id} names in the world; writes send {@code body}. */
    record Probe(String name, Endpoint endpoint, String record, @Nullable String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Probe> probes() {
        String comment = "{\"ticket\":{\"comment\":{\"body\":\"hello\"}}}";
        return List.of(
                new Probe("GET /tickets/{id}", Endpoint.of("GET /api/v2/tickets/{id}"), "ticket", null),
                new Probe("PUT /tickets/{id}", Endpoint.of("PUT /api/v2/tickets/{id}"), "ticket", comment),
                new Probe("GET /tickets/{id}/comments", Endpoint.of("GET /api/v2/tickets/{id}/comments"), "ticket", null),
                new Probe("GET /tickets/{id}/uploaded_files", Endpoint.of("GET /api/v2/tickets/{id}/uploaded_files"), "ticket", null),
                new Probe("GET /users/{id}", Endpoint.of("GET /api/v2/users/{id}"), "user", null),
                new Probe("PUT /users/{id}", Endpoint.of("PUT /api/v2/users/{id}"), "user", "{\"user\":{\"name\":\"Mallory\"}}"),
                new Probe("GET /organizations/{id}", Endpoint.of("GET /api/v2/organizations/{id}"), "organization", null),
                new Probe("PUT /organizations/{id}", Endpoint.of("PUT /api/v2/organizations/{id}"), "organization",
                        "{\"organization\":{\"notes\":\"mine now\"}}"),
                new Probe("GET /organization_memberships/{id}", Endpoint.of("GET /api/v2/organization_memberships/{id}"), "membership", null),
                new Probe("GET /subscriptions/{id}", Endpoint.of("GET /api/v2/subscriptions/{id}"), "subscription", null),
                new Probe("PUT /subscriptions/{id}", Endpoint.of("PUT /api/v2/subscriptions/{id}"), "subscription",
                        "{\"subscription\":{\"seats\":1}}"),
                new Probe("GET /nfr_licenses/{id}", Endpoint.of("GET /api/v2/nfr_licenses/{id}"), "nfr_license", null),
                new Probe("DELETE /api_tokens/{id}", Endpoint.of("DELETE /api/v2/api_tokens/{id}"), "api_token", null),
                new Probe("GET /nfr_requests/{id}", Endpoint.of("GET /api/v2/nfr_requests/{id}"), "nfr_request", null),
                new Probe("GET /certifications/{id}", Endpoint.of("GET /api/v2/certifications/{id}"), "certification", null),
                new Probe("GET /billing_accounts/{id}", Endpoint.of("GET /api/v2/billing_accounts/{id}"), "billing_account", null),
                new Probe("GET /portal_access_requests/{id}", Endpoint.of("GET /api/v2/portal_access_requests/{id}"),
                        "portal_access_request", null));
    }

    static Stream<Arguments> probesByEachOutsider() {
        List<Arguments> arguments = new ArrayList<>();
        for (Probe probe : probes()) {
            arguments.add(Arguments.of(probe, "a customer of another organization"));
            arguments.add(Arguments.of(probe, "a user of another partner"));
        }
        return arguments.stream();
    }

    private @Nullable Map<String, Long> records;
    private @Nullable Map<String, Account> outsiders;

    @BeforeEach
    void arrangeOnce() {
        if (records != null) {
            return;
        }
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        long subscription = desk.subscribe(acme, "premium");
        Org resellco = desk.aPartner("open");
        Account sam = desk.endUserIn(resellco);
        long ticket = created(ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Mine","comment":{"body":"mine"},"ticket_form_id":%d}}""".formatted(Desk.SUPPORT_FORM)), "ticket");
        long membership = desk.admin.get("/api/v2/organization_memberships?user_id=" + ann.id()).at("/organization_memberships/0/id").longValue();
        long token = created(desk.admin.post("/api/v2/api_tokens", """
                {"api_token":{"user_id":%d,"description":"laptop"}}""".formatted(ann.id())), "api_token");
        long nfrRequest = created(sam.api().post("/api/v2/nfr_requests", """
                {"nfr_request":{"plan":"ultimate","users":1,"deployment":"self_managed"}}"""), "nfr_request");
        Account partnerOperations = desk.agent();
        desk.addToGroup(partnerOperations, "Partner Operations");
        long certification = created(partnerOperations.api().post("/api/v2/certifications", """
                {"certification":{"organization_id":%d,"user_id":%d,"kind":"sales_core","passed_on":"2026-01-01"}}"""
                .formatted(resellco.id(), sam.id())), "certification");
        long billingAccount = created(sam.api().post("/api/v2/billing_accounts", """
                {"billing_account":{"entity_name":"ResellCo GmbH","contact":{"name":"Greta Billing","email":"%s",
                "address":"Hauptstrasse 1, 10115 Berlin"}}}""".formatted(Desk.unique("greta").toLowerCase() + "@" + resellco.domain())),
                "billing_account");
        long portalAccess = created(sam.api().post("/api/v2/portal_access_requests", """
                {"portal_access_request":{"organization_id":%d,"name":"Rita Rep","email":"%s"}}"""
                .formatted(resellco.id(), Desk.unique("rep").toLowerCase() + "@" + resellco.domain())), "portal_access_request");
        records = Map.ofEntries(Map.entry("ticket", ticket), Map.entry("user", ann.id()), Map.entry("organization", acme.id()),
                Map.entry("membership", membership), Map.entry("subscription", subscription),
                Map.entry("nfr_license", desk.nfrLicense(resellco, java.time.LocalDate.now().minusMonths(1),
                        java.time.LocalDate.now().plusMonths(11))),
                Map.entry("api_token", token), Map.entry("nfr_request", nfrRequest), Map.entry("certification", certification),
                Map.entry("billing_account", billingAccount), Map.entry("portal_access_request", portalAccess));
        outsiders = Map.of("a customer of another organization", desk.endUserIn(desk.aCustomer()),
                "a user of another partner", desk.endUserIn(desk.aPartner("open")));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("probesByEachOutsider")
    void anotherPersonsRecordAnswersAsOneThatDoesNotExist(Probe probe, String outsider) {
        ApiClient api = outsiders.get(outsider).api();
        long id = records.get(probe.record());

        Reply existing = probe.endpoint().send(api, Map.of("id", id), probe.body());
        Reply missing = probe.endpoint().send(api, Map.of("id", MISSING), probe.body());

        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(existing.status()).as(existing.toString()).isEqualTo(404);
        assertThat(existing.at("/error").stringValue()).isEqualTo("RecordNotFound");
        assertThat(existing.text()).isEqualTo(missing.text().replace(Long.toString(MISSING), Long.toString(id)));
    }

    private static long created(Reply reply, String root) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id(root);
    }
}
