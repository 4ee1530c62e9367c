package org.partnerdesk.partnerops.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.directory.Groups;

/** PO-6 [003]: the Partner Operations form's Request type decides the owning team; one-on-one training is answered and solved. */
class PartnerRequestRoutingTest extends ApiTest {

    private static final long PARTNER_OPERATIONS_FORM = 360001900001L;
    private static final long REQUEST_TYPE = 360012194300L;

    @Test
    void eachRequestTypeGoesToItsOwningTeam() { // PO-6
        Account sam = desk.endUserIn(desk.aPartner("open"));
        Map<String, String> owners = Map.of(
                "distributor_quote", Groups.PARTNER_OPERATIONS,
                "reseller_direct_quote", Groups.SALES,
                "partner_account_creation", Groups.PARTNER_OPERATIONS,
                "opportunity_record", Groups.PARTNER_OPERATIONS,
                "pre_sales_technical", Groups.SALES,
                "post_sales_technical", Groups.SUPPORT,
                "billing_account", Groups.BILLING_OPERATIONS,
                "nfr", Groups.PARTNER_OPERATIONS,
                "other", Groups.PARTNER_OPERATIONS);

        owners.forEach((type, team) -> {
            Reply filed = file(sam, type);
            assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
            assertThat(filed.at("/ticket/group_id").longValue()).as(type).isEqualTo(desk.groupId(team));
            assertThat(filed.at("/ticket/status").stringValue()).as(type).isEqualTo("new");
            long id = filed.id("ticket");
            assertThat(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/group_id").longValue()).isEqualTo(desk.groupId(team));
        });
    }

    @Test
    void theRoutingIsAuditedWithItsRule() { // PO-6, TKT-1
        long id = file(desk.endUserIn(desk.aPartner("select")), "reseller_direct_quote").id("ticket");

        Reply audits = desk.admin.get("/api/v2/tickets/" + id + "/audits");

        var group = audits.at("/audits/0/events").valueStream().filter(e -> "group_id".equals(e.get("field_name").stringValue()))
                .findFirst().orElseThrow();
        assertThat(group.get("value").longValue()).isEqualTo(desk.groupId(Groups.SALES));
        assertThat(audits.text()).contains("PO-6: request type reseller_direct_quote is owned by Sales");
    }

    @Test
    void aRequestWithoutATypeGoesToPartnerOperations() { // PO-6
        Reply filed = desk.endUserIn(desk.aPartner("open")).api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Question","comment":{"body":"Who do I ask?"},"ticket_form_id":%d}}""".formatted(PARTNER_OPERATIONS_FORM));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.at("/ticket/group_id").longValue()).isEqualTo(desk.groupId(Groups.PARTNER_OPERATIONS));
    }

    @Test
    void oneOnOneTrainingIsAnsweredWithTheSelfServiceMaterialAndSolved() throws Exception { // PO-6
        Account sam = desk.endUserIn(desk.aPartner("open"));

        Reply filed = file(sam, "training_one_on_one");

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.at("/ticket/status").stringValue()).isEqualTo("solved");
        assertThat(filed.at("/ticket/group_id").longValue()).isEqualTo(desk.groupId(Groups.PARTNER_OPERATIONS));
        long id = filed.id("ticket");
        Reply comments = sam.api().get("/api/v2/tickets/" + id + "/comments");
        var answer = comments.at("/comments/1");
        assertThat(answer.get("public").booleanValue()).isTrue();
        assertThat(answer.get("body").stringValue()).contains("out of scope", "Partner Guide",
                "https://partners.gitlab.com/prm/English/s/assets?id=404715", "/handbook/resellers/training/");
        MimeMessage mail = awaitMail(sam.email(), "out of scope");
        assertThat(mail.getSubject()).contains("#" + id);
        assertThat(desk.admin.get("/api/v2/tickets/" + id).at("/ticket/status").stringValue()).isEqualTo("solved");
    }

    @Test
    void otherFormsAreNotRouted() { // PO-6 touches the Partner Operations form only
        Account ann = desk.endUserIn(desk.aCustomer());

        Reply filed = ann.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Down","comment":{"body":"Pipeline fails"},"ticket_form_id":%d}}""".formatted(Desk.SUPPORT_FORM));

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.at("/ticket/group_id").isNull()).isTrue();
        assertThat(desk.admin.get("/api/v2/tickets/" + filed.id("ticket") + "/audits").text()).doesNotContain("PO-6");
    }

    @Test
    void anUnknownRequestTypeIsRefused() { // PO-6: the field's options are the SPEC's list
        Reply refused = file(desk.endUserIn(desk.aPartner("open")), "lunch");

        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    void anAgentChangingTheRequestTypeReroutesTheTicketWithAnAudit() { // PO-6
        long id = file(desk.endUserIn(desk.aPartner("open")), "distributor_quote").id("ticket");
        var agent = desk.agent().api();

        Reply moved = agent.put("/api/v2/tickets/" + id, """
                {"ticket":{"custom_fields":[{"id":%d,"value":"billing_account"}]}}""".formatted(REQUEST_TYPE));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.at("/ticket/group_id").longValue()).isEqualTo(desk.groupId(Groups.BILLING_OPERATIONS));
        Reply audits = desk.admin.get("/api/v2/tickets/" + id + "/audits");
        var last = audits.at("/audits").get(audits.at("/audits").size() - 1);
        var group = last.get("events").valueStream().filter(e -> "group_id".equals(e.get("field_name").stringValue())).findFirst().orElseThrow();
        assertThat(group.get("value").longValue()).isEqualTo(desk.groupId(Groups.BILLING_OPERATIONS));
        assertThat(group.toString()).contains("PO-6: request type changed to billing_account is owned by Billing");

        // other fields leave the owner alone, even one an agent chose by hand
        agent.put("/api/v2/tickets/" + id, "{\"ticket\":{\"group_id\":" + desk.groupId(Groups.SUPPORT) + "}}");
        Reply tagged = agent.put("/api/v2/tickets/" + id, "{\"ticket\":{\"tags\":[\"vip\"]}}");
        assertThat(tagged.at("/ticket/group_id").longValue()).isEqualTo(desk.groupId(Groups.SUPPORT));
    }

    @Test
    void aGroupTheAgentNamesInTheSamePutWinsOverTheRerouting() { // PO-6
        long id = file(desk.endUserIn(desk.aPartner("open")), "distributor_quote").id("ticket");

        Reply moved = desk.agent().api().put("/api/v2/tickets/" + id, """
                {"ticket":{"group_id":%d,"custom_fields":[{"id":%d,"value":"billing_account"}]}}"""
                .formatted(desk.groupId(Groups.SUPPORT), REQUEST_TYPE));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.at("/ticket/group_id").longValue()).isEqualTo(desk.groupId(Groups.SUPPORT));
        assertThat(desk.admin.get("/api/v2/tickets/" + id + "/audits").text()).doesNotContain("request type changed to");
    }

    private Reply file(Account account, String requestType) {
        return account.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Partner request","comment":{"body":"Please help"},"ticket_form_id":%d,
                "custom_fields":[{"id":%d,"value":"%s"}]}}""".formatted(PARTNER_OPERATIONS_FORM, REQUEST_TYPE, requestType));
    }
}
