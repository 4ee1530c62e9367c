package org.partnerdesk.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk;

/** DIR-1: the API refuses what the operations console's form refuses, from the same rules (directory.OrganizationRules). */
class OrganizationFieldRulesApiTest extends ApiTest {

    @Test // DIR-1: a domain places contacts by their address, so the form's "typo" is refused by the API too
    void somethingThatIsNoEMailDomainIsRefusedAsADomainName() {
        String name = Desk.unique("Typo Domains");

        Reply refused = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","domain_names":["typo-domains.test","typo"],"organization_fields":{"org_type":"customer"}}}"""
                .formatted(name));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/domain_names/0/description").stringValue()).contains("\"typo\"", "not an e-mail domain", "DIR-1");
    }

    @Test // DIR-1, TKT-8, TKT-9
    void aCustomerWithATrackASpecialProcessAndAWebhookIsRefusedFieldByField() {
        Reply refused = desk.admin.post("/api/v2/organizations", """
                {"organization":{"name":"%s","organization_fields":{"org_type":"customer","partner_track":"alliance",
                 "special_process":"Call Ann","chat_webhook_url":"https://chat.test/x"}}}""".formatted(Desk.unique("Not A Partner")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/details/organization_fields.partner_track/0/description").stringValue()).contains("DIR-1");
        assertThat(refused.at("/details/organization_fields.special_process/0/description").stringValue()).contains("TKT-9");
        assertThat(refused.at("/details/organization_fields.chat_webhook_url/0/description").stringValue()).contains("TKT-8");
    }
}
