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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** PO-1 [003]: partner sign-up over the API, e-mails through the outbox into GreenMail. */
class SignUpTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcClient db;

    private Onboarding onboarding;

    @BeforeEach
    void arrange() {
        onboarding = new Onboarding(desk, MAIL, db);
    }

    private Reply signUp(ApiClient caller, String company, String email, boolean signatory, String agreement) {
        return caller.post("/api/v2/partner_applications", """
                {"partner_application":{"company":"%s","contact_name":"Nina New","contact_email":"%s",
                 "authorized_signatory":%s,"agreement":"%s"}}""".formatted(company, email, signatory, agreement));
    }

    /** #10 items 1, 2: a visitor signs up and the owner of the contact's address confirms it from the mail. */
    private long signUpConfirmed(String company, String email, boolean signatory, String agreement) {
        Reply reply = signUp(onboarding.visitor(), company, email, signatory, agreement);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        Reply confirmed = onboarding.confirm(email);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return reply.id("partner_application");
    }

    @Test
    void signatoryWhoAcceptsGetsAnOpenPartnerOrganizationAUserAndAnInvitationOnceTheContactConfirms() { // PO-1, PO-2, #10
        String email = Onboarding.newEmail("nina");
        String company = Desk.unique("Nina Consulting");

        Reply reply = signUp(onboarding.visitor(), company, email, true, "accept");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.at("/partner_application/status").stringValue()).isEqualTo("unconfirmed");
        Reply confirmed = onboarding.confirm(email);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/email_confirmation/status").stringValue()).isEqualTo("approved");
        JsonNode application = desk.admin.get("/api/v2/partner_applications/" + reply.id("partner_application")).json().get("partner_application");
        long organizationId = application.get("organization_id").longValue();
        JsonNode organization = desk.admin.get("/api/v2/organizations/" + organizationId).at("/organization");
        assertThat(organization.get("name").stringValue()).isEqualTo(company);
        assertThat(organization.at("/organization_fields/org_type").stringValue()).isEqualTo("partner");
        assertThat(organization.at("/organization_fields/partner_track").stringValue()).isEqualTo("open");
        assertThat(desk.admin.get("/api/v2/users/" + application.get("user_id").longValue()).at("/user/organization_id").longValue())
                .isEqualTo(organizationId);

        String invitation = onboarding.awaitMail(email, "sign-in invitation");
        assertThat(invitation).contains("Welcome to the partner program", company, "expires at");
        Reply accepted = onboarding.accept(onboarding.awaitInvitationToken(email), PASSWORD);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        Reply me = onboarding.signedIn(email, PASSWORD).get("/api/v2/users/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.at("/user/organization_id").longValue()).isEqualTo(organizationId);
    }

    @Test
    void staffListApplicationsInOneStatusAndAStatusNoApplicationHasListsNone() { // PO-1, API-1
        long unconfirmed = signUp(onboarding.visitor(), Desk.unique("Listed Unconfirmed"), Onboarding.newEmail("lu"), false, "questions")
                .id("partner_application");
        long inReview = signUpConfirmed(Desk.unique("Listed In Review"), Onboarding.newEmail("lr"), false, "questions");

        Map<Long, String> listedInReview = statusesListed("/api/v2/partner_applications?status=in_review&page[size]=100", "partner_applications");
        Map<Long, String> listedAll = statusesListed("/api/v2/partner_applications?page[size]=100", "partner_applications");

        assertThat(listedInReview).containsEntry(inReview, "in_review").doesNotContainKey(unconfirmed);
        assertThat(listedInReview.values()).containsOnly("in_review");
        assertThat(listedAll).containsEntry(inReview, "in_review").containsEntry(unconfirmed, "unconfirmed");
        assertThat(statusesListed("/api/v2/partner_applications?status=pending", "partner_applications")).isEmpty();
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
    void questionsAboutTheAgreementLeaveAnApplicationInReviewWithAPartnerOperationsTicket() { // PO-1, PO-6
        String email = Onboarding.newEmail("quinn");
        String company = Desk.unique("Quinn Systems");

        Reply reply = signUp(onboarding.visitor(), company, email, true, "questions");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.at("/partner_application/status").stringValue()).isEqualTo("unconfirmed");
        assertThat(onboarding.confirm(email).at("/email_confirmation/status").stringValue()).isEqualTo("in_review");
        JsonNode application = desk.admin.get("/api/v2/partner_applications/" + reply.id("partner_application")).at("/partner_application");
        assertThat(application.get("organization_id").isNull()).isTrue();
        JsonNode ticket = desk.admin.get("/api/v2/tickets/" + application.get("ticket_id").longValue()).at("/ticket");
        assertThat(ticket.get("ticket_form_id").longValue()).isEqualTo(360001900001L);
        assertThat(ticket.get("subject").stringValue()).contains(company);
        assertThat(ticket.get("custom_fields").toString()).contains("partner_account_creation");
        assertThat(ticket.get("requester_id").longValue()).isEqualTo(application.get("user_id").longValue());
        assertThat(onboarding.awaitMail(email, "in review")).contains("Partner Operations will review it");
    }

    @Test
    void notASignatoryAlsoGoesToReviewAndPartnerOperationsApproveIt() { // PO-1
        String email = Onboarding.newEmail("otto");
        String company = Desk.unique("Otto Partners");
        long id = signUpConfirmed(company, email, false, "accept");
        assertThat(desk.admin.get("/api/v2/partner_applications/" + id).at("/partner_application/status").stringValue()).isEqualTo("in_review");

        Reply approved = onboarding.partnerOperations().api().post("/api/v2/partner_applications/" + id + "/approve",
                "{\"approval\":{\"reason\":\"signatory confirmed by phone\"}}");

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.at("/partner_application/status").stringValue()).isEqualTo("approved");
        long organizationId = approved.at("/partner_application/organization_id").longValue();
        assertThat(desk.admin.get("/api/v2/organizations/" + organizationId).at("/organization/name").stringValue()).isEqualTo(company);
        assertThat(onboarding.awaitMail(email, "sign-in invitation")).contains("has been approved");
        long ticket = approved.at("/partner_application/ticket_id").longValue();
        assertThat(desk.admin.get("/api/v2/tickets/" + ticket + "/comments").text()).contains("Partner application approved (PO-1)");
        assertThat(onboarding.partnerOperations().api().post("/api/v2/partner_applications/" + id + "/approve", "{}").status())
                .isEqualTo(422);
    }

    @Test
    void declineTellsTheApplicantTheReason() { // PO-1
        String email = Onboarding.newEmail("dora");
        long id = signUpConfirmed(Desk.unique("Dora Labs"), email, false, "questions");

        Reply declined = onboarding.partnerOperations().api().post("/api/v2/partner_applications/" + id + "/decline",
                "{\"decline\":{\"reason\":\"We do not partner with hardware resellers\"}}");

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.at("/partner_application/status").stringValue()).isEqualTo("declined");
        assertThat(onboarding.awaitMail(email, "declined")).contains("We do not partner with hardware resellers");
        Reply withoutReason = onboarding.partnerOperations().api().post("/api/v2/partner_applications/"
                + signUpConfirmed(Desk.unique("Other"), Onboarding.newEmail("o"), false, "questions")
                + "/decline", "{\"decline\":{}}");
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.at("/details/reason/0/error").stringValue()).isEqualTo("blank");
    }

    @Test
    void onlyPartnerOperationsDecideAndNobodyOnTheirOwnApplication() { // PO-1
        String email = Onboarding.newEmail("self");
        long id = signUpConfirmed(Desk.unique("Self Co"), email, false, "questions");
        long applicantId = desk.admin.get("/api/v2/partner_applications/" + id).at("/partner_application/user_id").longValue();
        ApiClient applicant = ApiClient.withToken(baseUrl(), email, desk.tokenFor(applicantId));
        String approve = "/api/v2/partner_applications/" + id + "/approve";

        assertThat(applicant.post(approve, "{}").status()).isEqualTo(403);
        assertThat(desk.agent().api().post(approve, "{}").status()).isEqualTo(403);
        assertThat(desk.stranger().api().post(approve, "{}").status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aPartner("open")).api().post(approve, "{}").status()).isEqualTo(403);
        assertThat(desk.endUserIn(desk.aCustomer()).api().post(approve, "{}").status()).isEqualTo(403);
        assertThat(desk.anonymous().post(approve, "{}").status()).isEqualTo(401);
        assertThat(desk.endUserIn(desk.aCustomer()).api().post("/api/v2/partner_applications/" + id + "/decline",
                "{\"decline\":{\"reason\":\"no\"}}").status()).isEqualTo(403);
        assertThat(desk.admin.get("/api/v2/partner_applications/" + id).at("/partner_application/status").stringValue()).isEqualTo("in_review");

        assertThat(applicant.get("/api/v2/partner_applications/" + id).status()).isEqualTo(200);
        assertThat(desk.stranger().api().get("/api/v2/partner_applications/" + id).status()).isEqualTo(404); // #10 item 15: as if it did not exist
        assertThat(desk.endUserIn(desk.aPartner("select")).api().get("/api/v2/partner_applications").status()).isEqualTo(403);
    }

    @Test
    void partnerOperationsCreateAnAccountByHandOnlyWithARecordedReason() { // PO-1
        Account partnerOps = onboarding.partnerOperations();
        String email = Onboarding.newEmail("hand");
        String body = """
                {"partner_application":{"company":"%s","contact_name":"Hana Hand","contact_email":"%s",
                 "authorized_signatory":true,"agreement":"accept"%s}}""";

        Reply withoutReason = partnerOps.api().post("/api/v2/partner_applications", body.formatted(Desk.unique("Hand"), email, ""));
        assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(422);
        assertThat(withoutReason.at("/details/manual_reason/0/description").stringValue()).contains("recorded reason");

        Reply byAgent = desk.agent().api().post("/api/v2/partner_applications",
                body.formatted(Desk.unique("Hand"), email, ",\"manual_reason\":\"contract signed on paper\""));
        assertThat(byAgent.status()).isEqualTo(403);
        Reply byPartner = desk.endUserIn(desk.aPartner("open")).api().post("/api/v2/partner_applications",
                body.formatted(Desk.unique("Hand"), email, ",\"manual_reason\":\"contract signed on paper\""));
        assertThat(byPartner.status()).isEqualTo(403);

        Reply manual = partnerOps.api().post("/api/v2/partner_applications",
                body.formatted(Desk.unique("Hand"), email, ",\"manual_reason\":\"contract signed on paper\""));
        assertThat(manual.status()).as(manual.toString()).isEqualTo(201);
        assertThat(manual.at("/partner_application/channel").stringValue()).isEqualTo("manual");
        assertThat(manual.at("/partner_application/manual_reason").stringValue()).isEqualTo("contract signed on paper");
        assertThat(manual.at("/partner_application/organization_id").isNumber()).isTrue();
        JsonNode audit = desk.admin.get("/api/v2/partner_applications/" + manual.id("partner_application") + "/audits").at("/audits/0");
        assertThat(audit.get("author_id").longValue()).isEqualTo(partnerOps.id());
        assertThat(audit.at("/events/0/reason").stringValue()).contains("contract signed on paper");
    }

    @Test
    void aNewEntityOfAnExistingParentCompanyGetsNoSecondOrganizationButABillingAccount() { // PO-1, PO-5
        String parent = Desk.unique("Globo Holdings");
        Reply partner = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","organization_fields":{"org_type":"partner","partner_track":"select",
                 "parent_company":"%s"}}}""".formatted(Desk.unique("Globo EMEA"), parent));
        assertThat(partner.status()).as(partner.toString()).isEqualTo(201);
        int before = applications();

        Reply refused = onboarding.visitor().post("/api/v2/partner_applications", """
                {"partner_application":{"company":"Globo APAC","parent_company":"%s","contact_name":"Gil","contact_email":"%s",
                 "authorized_signatory":true,"agreement":"accept"}}""".formatted(parent.toUpperCase(), Onboarding.newEmail("gil")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.at("/details/parent_company/0/error").stringValue()).isEqualTo("PO-5");
        assertThat(refused.at("/description").stringValue()).contains("billing account", "/api/v2/billing_accounts");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void missingFieldsBadEmailsAndNoAnswerToTheAgreementAreClear422sAndChangeNothing() { // PO-1
        int before = applications();

        Reply empty = onboarding.visitor().post("/api/v2/partner_applications", "{\"partner_application\":{}}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("details").propertyNames())
                .contains("company", "contact_name", "contact_email", "authorized_signatory", "agreement");
        assertThat(empty.at("/details/agreement/0/description").stringValue()).contains("accept", "questions");

        Reply badEmail = signUp(onboarding.visitor(), "Bad Mail Co", "not-an-address", true, "accept");
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.at("/details/contact_email/0/error").stringValue()).isEqualTo("invalid_value");

        Reply declinedAgreement = signUp(onboarding.visitor(), "No Deal Co", Onboarding.newEmail("nd"), true, "decline");
        assertThat(declinedAgreement.status()).isEqualTo(422);
        assertThat(declinedAgreement.at("/details/agreement/0/description").stringValue()).contains("accept, questions");

        assertThat(onboarding.visitor().post("/api/v2/partner_applications", "{\"company\":\"x\"}").status()).isEqualTo(400);
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void theAnswerNeverRevealsWhetherTheEmailIsKnown() { // PO-1
        String known = desk.endUserIn(desk.aCustomer()).email();
        String unknown = Onboarding.newEmail("fresh");

        for (String agreement : List.of("accept", "questions")) {
            Reply forKnown = signUp(onboarding.visitor(), Desk.unique("Known"), known, true, agreement);
            Reply forUnknown = signUp(onboarding.visitor(), Desk.unique("Unknown"), unknown.replace("@", "-" + agreement + "@"), true, agreement);

            assertThat(forKnown.status()).as(forKnown.toString()).isEqualTo(forUnknown.status()).isEqualTo(201);
            assertThat(shape(forKnown)).isEqualTo(shape(forUnknown));
            assertThat(forKnown.at("/partner_application/status").stringValue())
                    .isEqualTo(forUnknown.at("/partner_application/status").stringValue());
        }
        // #10: nothing happens in the known contact's name; they are only asked by mail whether it was them
        assertThat(onboarding.awaitMail(known, "confirm your e-mail address")).contains("If it was not you, ignore this mail");
    }

    @Test
    void theSignUpIsRateLimitedPerEmailAndPerClientAddressWith429AndRetryAfter() { // PO-1
        String email = Onboarding.newEmail("busy");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(onboarding.visitor().post("/api/v2/partner_applications",
                    "{\"partner_application\":{\"contact_email\":\"" + email + "\"}}").status());
        }
        assertThat(statuses).containsExactly(422, 422, 422, 422, 422, 429);

        String address = Onboarding.randomAddress();
        Reply last = null;
        for (int i = 0; i < 21; i++) {
            last = onboarding.fromAddress(address).post("/api/v2/partner_applications", "{\"partner_application\":{}}");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.at("/error").stringValue()).isEqualTo("TooManyRequests");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(onboarding.visitor().post("/api/v2/partner_applications", "{\"partner_application\":{}}").status()).isEqualTo(422);
    }

    @Test
    void everyTransitionIsAuditedForStaffWithWhoWhenFromToAndWhy() { // PO-1
        long id = signUpConfirmed(Desk.unique("Audit Co"), Onboarding.newEmail("aud"), false, "questions");
        Account partnerOps = onboarding.partnerOperations();
        partnerOps.api().post("/api/v2/partner_applications/" + id + "/decline", "{\"decline\":{\"reason\":\"incomplete\"}}");

        Reply audits = desk.agent().api().get("/api/v2/partner_applications/" + id + "/audits");

        assertThat(audits.status()).isEqualTo(200);
        JsonNode list = audits.json().get("audits");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(0).get("author_id").isNull()).isTrue();
        assertThat(list.get(0).at("/events/0/value").stringValue()).isEqualTo("unconfirmed");
        assertThat(list.get(1).get("author_id").isNull()).isTrue();
        assertThat(list.get(1).at("/events/0/previous_value").stringValue()).isEqualTo("unconfirmed");
        assertThat(list.get(1).at("/events/0/value").stringValue()).isEqualTo("in_review");
        assertThat(list.get(1).at("/events/0/reason").stringValue()).contains("confirmed it by mail", "not an authorized signatory");
        assertThat(list.get(2).get("author_id").longValue()).isEqualTo(partnerOps.id());
        assertThat(list.get(2).at("/events/0/previous_value").stringValue()).isEqualTo("in_review");
        assertThat(list.get(2).at("/events/0/value").stringValue()).isEqualTo("declined");
        assertThat(list.get(2).at("/events/0/reason").stringValue()).isEqualTo("incomplete");
        assertThat(list.get(2).get("created_at").stringValue()).isNotBlank();
        assertThat(desk.endUserIn(desk.aPartner("open")).api().get("/api/v2/partner_applications/" + id + "/audits").status()).isEqualTo(403);
    }

    private static List<String> shape(Reply reply) {
        List<String> names = new ArrayList<>(reply.json().get("partner_application").propertyNames());
        names.sort(null);
        return names;
    }

    private int applications() {
        return db.sql("select count(*) from partner_applications").query(Integer.class).single();
    }
}
