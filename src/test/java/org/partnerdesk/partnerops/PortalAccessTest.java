package org.partnerdesk.partnerops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** PO-2 [003]: portal access requests, their approval by Partner Operations, invitations and password sign-in. */
class PortalAccessTest extends ApiTest {

    private static final String PASSWORD = "a long enough password";
    private static final String DEMO_PARTNER = "DEMO-PARTNERDESK-PS";

    @Autowired
    JdbcClient db;

    @Autowired
    org.partnerdesk.notification.OutboxRetry retry;

    private Onboarding onboarding;

    @BeforeEach
    void arrange() {
        onboarding = new Onboarding(desk, MAIL, db);
    }

    private Reply ask(ApiClient caller, long organizationId, String email) {
        return caller.post("/api/v2/portal_access_requests", """
                {"portal_access_request":{"organization_id":%d,"name":"Rita Rep","email":"%s"}}""".formatted(organizationId, email));
    }

    /** #10 items 1, 2: a visitor asks, and the owner of the address confirms it from the mail, so the request is pending. */
    private long askConfirmed(long organizationId, String email) {
        long id = ask(onboarding.visitor(), organizationId, email).id("portal_access_request");
        Reply confirmed = onboarding.confirm(email);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/email_confirmation/status").stringValue()).isEqualTo("pending");
        return id;
    }

    private String emailAt(Org org) {
        return Desk.unique("rep").toLowerCase() + "@" + org.domain();
    }

    @Test
    void approvedPersonJoinsThePartnerSetsAPasswordWithTheInvitationAndSignsIn() { // PO-2, API-2
        Org partner = desk.aPartner("select");
        String email = emailAt(partner);

        Reply asked = ask(onboarding.visitor(), partner.id(), email);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.at("/portal_access_request/status").stringValue()).isEqualTo("unconfirmed");
        assertThat(onboarding.confirm(email).at("/email_confirmation/portal_access_request_id").longValue())
                .isEqualTo(asked.id("portal_access_request"));

        Reply approved = onboarding.partnerOperations().api().post("/api/v2/portal_access_requests/" + asked.id("portal_access_request")
                + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.at("/portal_access_request/status").stringValue()).isEqualTo("approved");
        long userId = approved.at("/portal_access_request/user_id").longValue();
        assertThat(desk.admin.get("/api/v2/users/" + userId).at("/user/organization_id").longValue()).isEqualTo(partner.id());

        String invitation = onboarding.awaitMail(email, "sign-in invitation");
        assertThat(invitation).contains("has been approved", partner.name(), "works once");
        String token = onboarding.awaitInvitationToken(email);
        // stored as its SHA-256 only: the table has no column that could hold the token itself
        assertThat(db.sql("select count(*) from sign_in_invitations where token_hash = sha256(convert_to(?, 'UTF8'))").param(token)
                .query(Integer.class).single()).isEqualTo(1);

        Reply accepted = onboarding.accept(token, PASSWORD);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.at("/sign_in_invitation/user_id").longValue()).isEqualTo(userId);

        Reply me = onboarding.signedIn(email, PASSWORD).get("/api/v2/users/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.at("/user/id").longValue()).isEqualTo(userId);
        assertThat(onboarding.signedIn(email.toUpperCase(), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(200);
        assertThat(onboarding.signedIn(email, PASSWORD + "x").get("/api/v2/users/me").status()).isEqualTo(401);
        assertThat(onboarding.signedIn(Onboarding.newEmail("nobody"), PASSWORD).get("/api/v2/users/me").status()).isEqualTo(401);
    }

    @Test
    void anInvitationWorksOnceAndNotAfterItExpires() { // PO-2
        Org partner = desk.aPartner("open");
        Account partnerOps = onboarding.partnerOperations();
        String email = emailAt(partner);
        partnerOps.api().post("/api/v2/portal_access_requests/" + askConfirmed(partner.id(), email)
                + "/approve", "");
        String token = onboarding.awaitInvitationToken(email);

        assertThat(onboarding.accept(token, "short").at("/details/password/0/description").stringValue()).contains("too short");
        assertThat(onboarding.accept(token, PASSWORD).status()).isEqualTo(200);
        Reply again = onboarding.accept(token, "another long password");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.at("/details/token/0/description").stringValue()).contains("has been used");
        assertThat(onboarding.signedIn(email, "another long password").get("/api/v2/users/me").status()).isEqualTo(401);

        String other = emailAt(partner);
        partnerOps.api().post("/api/v2/portal_access_requests/" + askConfirmed(partner.id(), other)
                + "/approve", "");
        String late = onboarding.awaitInvitationToken(other);
        db.sql("update sign_in_invitations set expires_at = now() - interval '1 minute' where token_hash = sha256(convert_to(?, 'UTF8'))")
                .param(late).update();
        Reply expired = onboarding.accept(late, PASSWORD);
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.at("/details/token/0/error").stringValue()).isEqualTo("expired");
        assertThat(onboarding.accept("0".repeat(64), PASSWORD).status()).isEqualTo(422);
    }

    @Test
    void staffListRequestsInOneStatusAndAStatusNoRequestHasListsNone() { // PO-2, API-1
        Org partner = desk.aPartner("open");
        long unconfirmed = ask(onboarding.visitor(), partner.id(), emailAt(partner)).id("portal_access_request");
        long pending = askConfirmed(partner.id(), emailAt(partner));

        Map<Long, String> listedPending = statusesListed("/api/v2/portal_access_requests?status=pending&page[size]=100", "portal_access_requests");
        Map<Long, String> listedAll = statusesListed("/api/v2/portal_access_requests?page[size]=100", "portal_access_requests");

        assertThat(listedPending).containsEntry(pending, "pending").doesNotContainKey(unconfirmed);
        assertThat(listedPending.values()).containsOnly("pending");
        assertThat(listedAll).containsEntry(pending, "pending").containsEntry(unconfirmed, "unconfirmed");
        assertThat(statusesListed("/api/v2/portal_access_requests?status=in_review", "portal_access_requests")).isEmpty();
    }

    /** Every {@code id: status} on every page of a staff list, following the cursor (API-1). */
    private Map<Long, String> statusesListed(String path, String root) {
        Map<Long, String> listed = new LinkedHashMap<>();
        while (path != null) {
            Reply page = desk.admin.get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.at("/" + root).forEach(item -> listed.put(item.get("id").longValue(), item.get("status").stringValue()));
            JsonNode next = page.at("/links/next");
            path = next.isNull() || next.isMissingNode() ? null : next.stringValue().substring(next.stringValue().indexOf("/api/v2"));
        }
        return listed;
    }

    @Test
    void declineTellsThePersonTheReason() { // PO-2
        Org partner = desk.aPartner("open");
        String email = emailAt(partner);
        long id = askConfirmed(partner.id(), email);

        Reply declined = onboarding.partnerOperations().api().post("/api/v2/portal_access_requests/" + id + "/decline",
                "{\"decline\":{\"reason\":\"Nobody at the partner knows Rita\"}}");

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.at("/portal_access_request/status").stringValue()).isEqualTo("declined");
        assertThat(onboarding.awaitMail(email, "declined")).contains("Nobody at the partner knows Rita");
        Reply again = onboarding.partnerOperations().api().post("/api/v2/portal_access_requests/" + id + "/approve", "");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.at("/description").stringValue()).contains("already declined");
        assertThat(desk.admin.get("/api/v2/users/search?query=" + email).json().get("users").size()).isZero();
    }

    @Test
    void onlyPartnerOperationsDecideAndNobodyOnTheirOwnRequest() { // PO-2
        Org partner = desk.aPartner("open");
        Account colleague = desk.endUserIn(partner);
        String newcomer = emailAt(partner);
        Reply asked = ask(colleague.api(), partner.id(), newcomer);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(onboarding.confirm(newcomer).status()).isEqualTo(200); // #10: the newcomer confirms what a colleague asked
        String approve = "/api/v2/portal_access_requests/" + asked.id("portal_access_request") + "/approve";

        assertThat(colleague.api().post(approve, "").status()).isEqualTo(403);
        assertThat(desk.agent().api().post(approve, "").status()).isEqualTo(403);
        assertThat(desk.stranger().api().post(approve, "").status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aPartner("select")).api().post(approve, "").status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aCustomer()).api().post(approve, "").status()).isEqualTo(403);
        assertThat(desk.anonymous().post(approve, "").status()).isEqualTo(401);

        Account partnerOps = onboarding.partnerOperations();
        long own = ask(partnerOps.api(), partner.id(), partnerOps.email()).id("portal_access_request");
        assertThat(partnerOps.api().post("/api/v2/portal_access_requests/" + own + "/approve", "").status()).isEqualTo(403);

        assertThat(colleague.api().get("/api/v2/portal_access_requests/" + asked.id("portal_access_request")).status()).isEqualTo(200);
        assertThat(desk.endUserIn(desk.aPartner("select")).api().get("/api/v2/portal_access_requests/"
                + asked.id("portal_access_request")).status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(desk.endUserIn(partner).api().get("/api/v2/portal_access_requests").status()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/portal_access_requests/" + asked.id("portal_access_request"))
                .at("/portal_access_request/status").stringValue()).isEqualTo("pending");
    }

    @Test
    void aPartnerUserAsksOnlyForItsOwnOrganization() { // PO-2
        Org partner = desk.aPartner("open");
        Org other = desk.aPartner("open");

        assertThat(ask(desk.endUserIn(partner).api(), other.id(), emailAt(other)).status()).isEqualTo(403);
        assertThat(ask(desk.endUserIn(desk.aCustomer()).api(), partner.id(), emailAt(partner)).status()).isEqualTo(403);
    }

    @Test
    void staffJoinTheDemoPartnerCompanyForDemonstrationsAndOnlyStaffMayAsk() { // PO-2
        Org demo = demoPartner();
        Account staff = desk.agent();
        String demoLogin = Desk.unique("demo").toLowerCase() + "@staff-demo.test";

        assertThat(ask(onboarding.visitor(), demo.id(), demoLogin).status()).isEqualTo(403);
        assertThat(ask(desk.endUserIn(desk.aPartner("open")).api(), demo.id(), demoLogin).status()).isEqualTo(403);
        Reply asked = ask(staff.api(), demo.id(), demoLogin);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(onboarding.confirm(demoLogin).status()).isEqualTo(200); // #10: the alias's mailbox confirms it

        Reply approved = onboarding.partnerOperations().api().post("/api/v2/portal_access_requests/" + asked.id("portal_access_request")
                + "/approve", "{\"approval\":{\"reason\":\"sales demo on Friday\"}}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String token = onboarding.awaitInvitationToken(demoLogin);
        assertThat(onboarding.accept(token, PASSWORD).status()).isEqualTo(200);
        Reply me = onboarding.signedIn(demoLogin, PASSWORD).get("/api/v2/users/me");
        assertThat(me.at("/user/organization_id").longValue()).isEqualTo(demo.id());
        assertThat(me.at("/user/role").stringValue()).isEqualTo("end-user");

        Reply withStaffEmail = onboarding.partnerOperations().api().post("/api/v2/portal_access_requests/"
                + ask(staff.api(), demo.id(), staff.email()).id("portal_access_request") + "/approve", "");
        assertThat(withStaffEmail.status()).isEqualTo(422);
        assertThat(withStaffEmail.at("/description").stringValue()).contains("staff account");
    }

    @Test
    void aPersonInAnotherOrganizationIsNotMovedByAnApproval() { // PO-2, DIR-2, DIR-3
        Org partner = desk.aPartner("open");
        Account customer = desk.endUserIn(desk.aCustomer());
        long id = askConfirmed(partner.id(), customer.email());

        Reply refused = onboarding.partnerOperations().api().post("/api/v2/portal_access_requests/" + id + "/approve", "");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/description").stringValue()).contains("already belongs to customer");
        assertThat(desk.admin.get("/api/v2/users/" + customer.id()).at("/user/organization_id").longValue()).isEqualTo(customer.organizationId());
        assertThat(desk.admin.get("/api/v2/portal_access_requests/" + id).at("/portal_access_request/status").stringValue()).isEqualTo("pending");
    }

    @Test
    void theAnswerNeverRevealsWhetherTheEmailIsKnown() { // PO-2
        Org partner = desk.aPartner("open");
        Account known = desk.endUserIn(partner);

        Reply forKnown = ask(onboarding.visitor(), partner.id(), known.email());
        Reply forUnknown = ask(onboarding.visitor(), partner.id(), emailAt(partner));

        assertThat(forKnown.status()).isEqualTo(forUnknown.status()).isEqualTo(201);
        assertThat(fieldNames(forKnown)).isEqualTo(fieldNames(forUnknown));
        assertThat(forKnown.at("/portal_access_request/status").stringValue()).isEqualTo(forUnknown.at("/portal_access_request/status").stringValue());
    }

    @Test
    void missingFieldsBadEmailsAndCompaniesThatAreNoPartnerAreClear422s() { // PO-2
        int before = requests();

        Reply empty = onboarding.visitor().post("/api/v2/portal_access_requests", "{\"portal_access_request\":{}}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("details").propertyNames()).contains("organization_id", "name", "email");
        Reply badEmail = ask(onboarding.visitor(), desk.aPartner("open").id(), "rita at example");
        assertThat(badEmail.at("/details/email/0/error").stringValue()).isEqualTo("invalid_value");
        Reply customer = ask(onboarding.visitor(), desk.aCustomer().id(), Onboarding.newEmail("c"));
        assertThat(customer.status()).isEqualTo(422);
        assertThat(customer.at("/details/organization_id/0/description").stringValue()).contains("names no partner organization");
        assertThat(ask(onboarding.visitor(), 999_999_999L, Onboarding.newEmail("c")).at("/details/organization_id/0/description")
                .stringValue()).contains("names no partner organization");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void accessRequestsAreRateLimitedPerEmailWith429AndRetryAfter() { // PO-2
        Org partner = desk.aPartner("open");
        String email = emailAt(partner);
        List<Integer> statuses = new ArrayList<>();
        Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = ask(onboarding.visitor(), partner.id(), email);
            statuses.add(last.status());
        }
        assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(last.at("/error").stringValue()).isEqualTo("TooManyRequests");
    }

    @Test
    void everyTransitionIsAuditedForStaff() { // PO-2
        Org partner = desk.aPartner("open");
        String email = emailAt(partner);
        long id = askConfirmed(partner.id(), email);
        Account partnerOps = onboarding.partnerOperations();
        partnerOps.api().post("/api/v2/portal_access_requests/" + id + "/approve", "{\"approval\":{\"reason\":\"known rep\"}}");
        onboarding.accept(onboarding.awaitInvitationToken(email), PASSWORD);

        JsonNode audits = desk.agent().api().get("/api/v2/portal_access_requests/" + id + "/audits").json().get("audits");

        assertThat(audits.size()).isEqualTo(4);
        assertThat(audits.get(0).at("/events/0/value").stringValue()).isEqualTo("unconfirmed");
        assertThat(audits.get(1).at("/events/0/value").stringValue()).isEqualTo("pending");
        assertThat(audits.get(1).at("/events/0/reason").stringValue()).contains("confirmed it by mail");
        assertThat(audits.get(2).get("author_id").longValue()).isEqualTo(partnerOps.id());
        assertThat(audits.get(2).at("/events/0/previous_value").stringValue()).isEqualTo("pending");
        assertThat(audits.get(2).at("/events/0/value").stringValue()).isEqualTo("approved");
        assertThat(audits.get(2).at("/events/0/reason").stringValue()).isEqualTo("known rep");
        assertThat(audits.get(3).at("/events/0/value").stringValue()).isEqualTo("invitation_accepted");
        assertThat(desk.endUserIn(partner).api().get("/api/v2/portal_access_requests/" + id + "/audits").status()).isEqualTo(403);
    }

    @Test
    void theInvitationWaitsWhileTheMailServerIsDownAndGoesOutWithAWorkingTokenWhenItIsBack() throws Exception { // PO-2, NTF-1
        Org partner = desk.aPartner("open");
        String email = emailAt(partner);
        long id = askConfirmed(partner.id(), email);

        MAIL.stop();
        try {
            assertThat(onboarding.partnerOperations().api().post("/api/v2/portal_access_requests/" + id + "/approve", "").status())
                    .isEqualTo(200);
            Thread.sleep(1500); // the listener has tried and failed by now
        } finally {
            MAIL.start();
        }
        retry.retryNow();

        String token = onboarding.awaitInvitationToken(email);
        assertThat(onboarding.accept(token, PASSWORD).status()).isEqualTo(200);
    }

    private Org demoPartner() {
        JsonNode found = desk.admin.get("/api/v2/organizations/search?external_id=" + DEMO_PARTNER).json().get("organizations");
        if (found != null && !found.isEmpty()) {
            return new Org(found.get(0).get("id").longValue(), found.get(0).get("name").stringValue(), "ps.partnerdesk.test");
        }
        Reply created = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"PartnerDesk PS","external_id":"%s","domain_names":["ps.partnerdesk.test"],
                 "organization_fields":{"org_type":"partner","partner_track":"open"}}}""".formatted(DEMO_PARTNER));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Org(created.id("organization"), "PartnerDesk PS", "ps.partnerdesk.test");
    }

    private static List<String> fieldNames(Reply reply) {
        List<String> names = new ArrayList<>(reply.json().get("portal_access_request").propertyNames());
        names.sort(null);
        return names;
    }

    private int requests() {
        return db.sql("select count(*) from portal_access_requests").query(Integer.class).single();
    }
}
