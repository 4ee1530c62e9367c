package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ALLIANCE_PARTNER_FORM;
import static org.partnerdesk.Desk.ALLIANCE_TICKET_ID;
import static org.partnerdesk.Desk.CC_PARTNER;
import static org.partnerdesk.Desk.CUSTOMER_NAME;
import static org.partnerdesk.Desk.OPEN_PARTNER_FORM;
import static org.partnerdesk.Desk.ORGANIZATION_EMAIL;
import static org.partnerdesk.Desk.PARTNER_ENGAGEMENT;
import static org.partnerdesk.Desk.SELECT_PARTNER_FORM;
import static org.partnerdesk.Desk.SUPPORT_FORM;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;
import tools.jackson.databind.JsonNode;

/** SPEC 2 over the API: every seed scenario decided at intake, stored, and explained. */
class TicketIntakeTest extends ApiTest {

    @Test
    void openPartnerTicketIsServedUnderCustomerSubscription() {
        Org acme = desk.aCustomer();
        long premium = desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));

        Reply created = file(sam.api(), OPEN_PARTNER_FORM, "Pipeline fails", "Runner crashes on every job",
                field(ORGANIZATION_EMAIL, ann.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/ticket/requester_id").longValue()).isEqualTo(ann.id());
        assertThat(created.at("/ticket/submitter_id").longValue()).isEqualTo(sam.id());
        assertThat(created.at("/ticket/organization_id").longValue()).isEqualTo(acme.id());
        JsonNode entitlement = entitlement(created);
        assertThat(entitlement.get("rule").stringValue()).isEqualTo("ENT-1");
        assertThat(entitlement.at("/served_under/kind").stringValue()).isEqualTo("subscription");
        assertThat(entitlement.at("/served_under/id").longValue()).isEqualTo(premium);
        assertThat(entitlement.get("support_level").stringValue()).isEqualTo("priority");
    }

    @Test
    void openPartnerOnBehalfOfFreeCustomerHasNoEntitlementNeverThePartnersPlan() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "free");
        Account ann = desk.endUserIn(acme);
        Org resellCo = desk.aPartner("open");
        desk.subscribe(resellCo, "ultimate");
        Account sam = desk.endUserIn(resellCo);

        JsonNode entitlement = entitlement(file(sam.api(), OPEN_PARTNER_FORM, "Help", "Please help",
                field(ORGANIZATION_EMAIL, ann.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")));

        assertThat(entitlement.get("support_level").stringValue()).isEqualTo("none");
        assertThat(entitlement.get("flags").valueStream().map(JsonNode::stringValue).toList()).contains("no_entitlement");
    }

    @Test
    void servicesEngagementPutsThePartnerOnTheCcsWhenAsked() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "starter");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));

        Reply created = file(sam.api(), OPEN_PARTNER_FORM, "Upgrade stuck", "Upgrade stuck at migration 42",
                field(ORGANIZATION_EMAIL, ann.email()), field(PARTNER_ENGAGEMENT, "services_engagement"), field(CC_PARTNER, true));

        assertThat(created.at("/ticket/collaborator_ids").valueStream().map(JsonNode::longValue).toList()).containsExactly(sam.id());
        assertThat(entitlement(created).get("rule").stringValue()).isEqualTo("ENT-2");
        assertThat(entitlement(created).get("support_level").stringValue()).isEqualTo("standard");
    }

    @Test
    void selectPartnerGetsPriorityEvenWhenTheCustomerIsOnFree() {
        Org select = desk.aPartner("select");
        Account pat = desk.endUserIn(select);

        Reply created = file(pat.api(), SELECT_PARTNER_FORM, "Slow merges", "Merges take minutes",
                field(CUSTOMER_NAME, "Initech"), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"));

        assertThat(created.at("/ticket/requester_id").longValue()).isEqualTo(pat.id());
        assertThat(created.at("/ticket/organization_id").longValue()).isEqualTo(select.id());
        JsonNode entitlement = entitlement(created);
        assertThat(entitlement.get("rule").stringValue()).isEqualTo("ENT-3");
        assertThat(entitlement.at("/served_under/kind").stringValue()).isEqualTo("partner_program");
        assertThat(entitlement.get("support_level").stringValue()).isEqualTo("priority");
    }

    @Test
    void partnersOwnCommercialWorkIsServedUnderItsOwnSubscription() {
        Org open = desk.aPartner("open");
        long own = desk.subscribe(open, "premium");
        Account sam = desk.endUserIn(open);

        JsonNode entitlement = entitlement(file(sam.api(), SUPPORT_FORM, "Our own instance", "Backup fails"));

        assertThat(entitlement.get("rule").stringValue()).isEqualTo("ENT-4");
        assertThat(entitlement.at("/served_under/id").longValue()).isEqualTo(own);
    }

    @Test
    void partnerInternalTrainingIsServedUnderItsNfrLicense() {
        Org open = desk.aPartner("open");
        long licence = desk.nfrLicense(open, LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(11));
        Account sam = desk.endUserIn(open);

        JsonNode entitlement = entitlement(file(sam.api(), OPEN_PARTNER_FORM, "Lab setup", "Training lab",
                field(PARTNER_ENGAGEMENT, "partner_internal_training")));

        assertThat(entitlement.get("rule").stringValue()).isEqualTo("ENT-5");
        assertThat(entitlement.at("/served_under/kind").stringValue()).isEqualTo("nfr_license");
        assertThat(entitlement.at("/served_under/id").longValue()).isEqualTo(licence);
    }

    @Test
    void allianceTicketIsNamedServedAtL2L3AndFlaggedWithoutCustomerCc() {
        Org alliance = desk.aPartner("alliance");
        Account ally = desk.endUserIn(alliance);

        Reply created = file(ally.api(), ALLIANCE_PARTNER_FORM, "Pipeline fails", "Copied from our system",
                field(CUSTOMER_NAME, "Umbrella Corp"), field(ALLIANCE_TICKET_ID, "ALLY-991"));

        assertThat(created.at("/ticket/subject").stringValue()).isEqualTo("Umbrella Corp - ALLY-991 - Pipeline fails");
        JsonNode entitlement = entitlement(created);
        assertThat(entitlement.get("rule").stringValue()).isEqualTo("ENT-6");
        assertThat(entitlement.get("support_tier").stringValue()).isEqualTo("l2_l3");
        assertThat(entitlement.at("/served_under/kind").stringValue()).isEqualTo("alliance_collaboration");
        assertThat(entitlement.get("flags").valueStream().map(JsonNode::stringValue).toList()).contains("customer_cc_missing");
    }

    @Test
    void allianceSubjectIsNotDoubledWhenAnAgentEditsTheTicket() {
        Account ally = desk.endUserIn(desk.aPartner("alliance"));
        Reply created = fileWithCc(ally.api(), ALLIANCE_PARTNER_FORM, "Pipeline fails", "Copied", "umbrella-cto@umbrella.test",
                field(CUSTOMER_NAME, "Umbrella Corp"), field(ALLIANCE_TICKET_ID, "ALLY-992"));
        long id = created.id("ticket");

        Reply edited = desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"subject":"Umbrella Corp - ALLY-992 - Pipeline fails","custom_fields":[{"id":%d,"value":"Umbrella Corporation"}]}}"""
                .formatted(CUSTOMER_NAME));

        assertThat(edited.at("/ticket/subject").stringValue()).isEqualTo("Umbrella Corporation - ALLY-992 - Pipeline fails");
        assertThat(entitlement(created).get("flags").valueStream().map(JsonNode::stringValue).toList()).doesNotContain("customer_cc_missing");
    }

    @Test
    void unknownCustomerEmailLeavesThePartnerAsRequesterWithoutOrganization() {
        Account sam = desk.endUserIn(desk.aPartner("open"));

        Reply created = file(sam.api(), OPEN_PARTNER_FORM, "Help", "Please help",
                field(ORGANIZATION_EMAIL, "typo@nowhere.test"), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer"));

        assertThat(created.at("/ticket/requester_id").longValue()).isEqualTo(sam.id());
        assertThat(created.at("/ticket/organization_id").isNull()).isTrue();
        JsonNode entitlement = entitlement(created);
        assertThat(entitlement.get("rule").stringValue()).isEqualTo("ENT-7");
        assertThat(entitlement.get("flags").valueStream().map(JsonNode::stringValue).toList()).containsExactly("needs_org");
    }

    @Test
    void agentCorrectsAMistypedEmailAndRequesterOrganizationAndPlanFollow() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "ultimate");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long id = file(sam.api(), OPEN_PARTNER_FORM, "Help", "Please help",
                field(ORGANIZATION_EMAIL, "anne@acme-typo.test"), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")).id("ticket");

        Reply corrected = desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"custom_fields":[{"id":%d,"value":"%s"}]}}""".formatted(ORGANIZATION_EMAIL, ann.email()));

        assertThat(corrected.at("/ticket/requester_id").longValue()).isEqualTo(ann.id());
        assertThat(corrected.at("/ticket/organization_id").longValue()).isEqualTo(acme.id());
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/entitlement").at("/entitlement/rule").stringValue()).isEqualTo("ENT-1");
        JsonNode lastAudit = last(desk.admin.get("/api/v2/tickets/" + id + "/audits").json().get("audits"));
        JsonNode requesterChange = lastAudit.get("events").valueStream()
                .filter(e -> e.get("field_name").stringValue().equals("requester_id")).findFirst().orElseThrow();
        assertThat(requesterChange.get("previous_value").longValue()).isEqualTo(sam.id());
        assertThat(requesterChange.get("value").longValue()).isEqualTo(ann.id());
        JsonNode emailChange = lastAudit.get("events").valueStream()
                .filter(e -> e.get("field_name").stringValue().equals(Long.toString(ORGANIZATION_EMAIL))).findFirst().orElseThrow();
        assertThat(emailChange.get("field_title").stringValue()).as("issue #12: a custom field's audit says which field")
                .isEqualTo("Organization Email (partners)");
        assertThat(requesterChange.has("field_title")).isFalse();
    }

    @Test
    void agentChangingTheRequesterReRunsTheDecision() {
        Org acme = desk.aCustomer();
        desk.subscribe(acme, "premium");
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        long id = file(sam.api(), OPEN_PARTNER_FORM, "Help", "Please help",
                field(ORGANIZATION_EMAIL, "wrong@acme-typo.test"), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")).id("ticket");

        Reply corrected = desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"requester_id":%d}}""".formatted(ann.id()));

        assertThat(corrected.at("/ticket/organization_id").longValue()).isEqualTo(acme.id());
        assertThat(corrected.at("/ticket/custom_fields").valueStream()
                .filter(f -> f.get("id").longValue() == ORGANIZATION_EMAIL).findFirst().orElseThrow().get("value").stringValue())
                .isEqualTo(ann.email());
    }

    @Test
    void correctionThatWouldPutAPartnerContactOnACustomerTicketIsRefused() {
        Org acme = desk.aCustomer();
        Account ann = desk.endUserIn(acme);
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Account otherPartner = desk.endUserIn(desk.aPartner("select"));
        long id = file(sam.api(), OPEN_PARTNER_FORM, "Help", "Please help",
                field(ORGANIZATION_EMAIL, ann.email()), field(PARTNER_ENGAGEMENT, "on_behalf_of_customer")).id("ticket");

        Reply refused = desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"requester_id":%d}}""".formatted(otherPartner.id()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/requester_id/0/error").stringValue()).isEqualTo("DIR-3");
        Reply unchanged = desk.admin.get("/api/v2/tickets/" + id);
        assertThat(unchanged.at("/ticket/requester_id").longValue()).isEqualTo(ann.id());
        assertThat(unchanged.at("/ticket/organization_id").longValue()).isEqualTo(acme.id());
    }

    @Test
    void unknownEngagementIsFlaggedForClarificationWithANoteAndAQuestion() {
        Account sam = desk.endUserIn(desk.aPartner("open"));

        Reply created = file(sam.api(), OPEN_PARTNER_FORM, "Help", "Please help", field(PARTNER_ENGAGEMENT, "reselling_stuff"));
        long id = created.id("ticket");

        JsonNode entitlement = entitlement(created);
        assertThat(entitlement.get("rule").stringValue()).isEqualTo("ENT-9");
        assertThat(entitlement.get("flags").valueStream().map(JsonNode::stringValue).toList()).contains("clarify");
        assertThat(entitlement.at("/served_under/kind").stringValue()).isEqualTo("none");
        List<JsonNode> comments = desk.admin.get("/api/v2/tickets/" + id + "/comments").json().get("comments").valueStream().toList();
        assertThat(comments).anyMatch(c -> !c.get("public").booleanValue());
        assertThat(comments).filteredOn(c -> c.get("public").booleanValue()).hasSize(2);
        assertThat(sam.api().get("/api/v2/tickets/" + id + "/comments").json().get("comments").valueStream()
                .allMatch(c -> c.get("public").booleanValue())).isTrue();
    }

    @Test
    void customerOnTheSupportFormIsServedUnderItsOwnSubscription() {
        Org acme = desk.aCustomer();
        long sub = desk.subscribe(acme, "starter");
        Account ann = desk.endUserIn(acme);

        Reply created = file(ann.api(), SUPPORT_FORM, "Login broken", "Cannot log in");

        assertThat(created.at("/ticket/organization_id").longValue()).isEqualTo(acme.id());
        assertThat(entitlement(created).get("rule").stringValue()).isEqualTo("ENT-10");
        assertThat(entitlement(created).at("/served_under/id").longValue()).isEqualTo(sub);
    }

    @Test
    void userWithoutOrganizationNeedsOne() {
        Account loner = desk.stranger();

        Reply created = file(loner.api(), SUPPORT_FORM, "Hello", "Who am I");

        assertThat(entitlement(created).get("flags").valueStream().map(JsonNode::stringValue).toList()).contains("needs_org");
    }

    @Test
    void anUnknownStatusPriorityOrTypeOnCreateIsRefusedNamingTheAllowedValuesAndNothingIsFiled() {
        Account ann = desk.endUserIn(desk.aCustomer());
        String subject = Desk.unique("bogus status");

        for (String field : List.of("status", "priority", "type")) {
            Reply refused = ann.api().post("/api/v2/tickets", """
                    {"ticket":{"subject":"%s","comment":{"body":"b"},"ticket_form_id":%d,"%s":"bogus"}}"""
                    .formatted(subject, SUPPORT_FORM, field));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.at("/error").stringValue()).isEqualTo("RecordInvalid");
            assertThat(refused.at("/details/" + field + "/0/error").stringValue()).isEqualTo("invalid_value");
            assertThat(refused.at("/details/" + field + "/0/description").stringValue()).startsWith("must be one of");
        }
        assertThat(ann.api().get("/api/v2/tickets").json().get("tickets").valueStream()
                .filter(t -> t.get("subject").stringValue().equals(subject))).isEmpty();
        Reply refusedStatus = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"s","comment":{"body":"b"},"ticket_form_id":%d,"status":"bogus"}}""".formatted(SUPPORT_FORM));
        assertThat(refusedStatus.at("/details/status/0/description").stringValue()).contains("open", "pending", "solved");
    }

    // --- helpers of this test ---

    private Reply file(ApiClient api, long form, String subject, String body, String... fields) {
        return fileWithCc(api, form, subject, body, null, fields);
    }

    private Reply fileWithCc(ApiClient api, long form, String subject, String body, String ccEmail, String... fields) {
        String ccs = ccEmail == null ? "[]" : "[{\"user_email\":\"" + ccEmail + "\"}]";
        Reply reply = api.post("/api/v2/tickets", """
                {"ticket":{"subject":"%s","comment":{"body":"%s"},"ticket_form_id":%d,"custom_fields":[%s],"email_ccs":%s}}"""
                .formatted(subject, body, form, String.join(",", fields), ccs));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    private JsonNode entitlement(Reply created) {
        return desk.admin.get("/api/v2/tickets/" + created.id("ticket") + "/entitlement").json().get("entitlement");
    }

    static String field(long id, String value) {
        return "{\"id\":" + id + ",\"value\":\"" + value + "\"}";
    }

    static String field(long id, boolean value) {
        return "{\"id\":" + id + ",\"value\":" + value + "}";
    }

    private static JsonNode last(JsonNode list) {
        return list.get(list.size() - 1);
    }
}
