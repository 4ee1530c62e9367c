package org.partnerdesk.escalation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.Desk.ALLIANCE_PARTNER_FORM;
import static org.partnerdesk.Desk.ALLIANCE_TICKET_ID;
import static org.partnerdesk.Desk.CUSTOMER_NAME;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerdesk.BrowserTest;
import org.partnerdesk.Desk.Org;
import org.partnerdesk.escalation.ChatStandIn;
import org.springframework.test.context.TestPropertySource;

/**
 * TKT-8, TKT-9 [004], UI-1: on an alliance handover the partner's special process is pinned above the conversation and
 * the agent posts to the partner's chat channel. The receiver is a stand-in for the chat service, as in AllianceChannelTest.
 */
// the stand-in chat service listens on loopback, which the desk calls only with this setting (OutboundAddresses)
@TestPropertySource(properties = "partnerdesk.webhooks.allow-internal-addresses=true")
class AllianceHandoverPartsTest extends BrowserTest {

    @RegisterExtension
    final ChatStandIn chat = new ChatStandIn();

    @Test
    void theSpecialProcessIsPinnedOnAnAllianceHandoverAndTheAgentPostsToThePartnersChannel() throws Exception {
        Org ally = desk.aPartner("alliance");
        desk.admin.put("/api/v2/organizations/" + ally.id(), """
                {"organization":{"organization_fields":{"special_process":"Page their duty manager before any restart",
                 "chat_webhook_url":"%s"}}}""".formatted(chat.url("/hook")));
        long id = desk.endUserIn(ally).api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Pipeline fails","comment":{"body":"copied from the customer"},"ticket_form_id":%d,
                 "custom_fields":[{"id":%d,"value":"Umbrella Corp"},{"id":%d,"value":"ALLY-991"}]}}"""
                .formatted(ALLIANCE_PARTNER_FORM, CUSTOMER_NAME, ALLIANCE_TICKET_ID)).id("ticket");
        signIn(withPassword(desk.agent()));

        page.navigate(at("/agent/tickets/" + id));

        var pinned = page.locator("main .pinned");
        assertThat(pinned.textContent()).contains("Special process for " + ally.name(), "Page their duty manager before any restart");
        assertThat(pinned.boundingBox().y).as("pinned above the conversation")
                .isLessThan(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Conversation")).boundingBox().y);
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Entitlement")).textContent())
                .contains("ENT-6", "L2/L3", "the alliance collaboration");
        assertAccessible();

        page.getByLabel("Kind").selectOption("information_request");
        page.getByLabel("Message for the channel").fill("Need the runner logs");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post to #a_")).click();

        page.waitForURL(url -> url.endsWith("/agent/tickets/" + id));
        assertThat(page.locator("#flash").textContent()).contains("Need the runner logs");
        assertThat(chat.awaitMessage("Need the runner logs")).contains("Request for information", "ALLY-991", "PartnerDesk #" + id);
        assertAccessible();
    }

}
