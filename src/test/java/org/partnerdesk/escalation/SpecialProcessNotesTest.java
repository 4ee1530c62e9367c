package org.partnerdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;
import org.partnerdesk.Desk.Org;

/** TKT-9 [004]: a partner's special process appears, for agents, on every ticket it opens. */
class SpecialProcessNotesTest extends ApiTest {

    @Test
    void partnersSpecialProcessIsAnInternalNoteOnItsNewTicket() throws Exception {
        Org select = desk.aPartner("select");
        desk.admin.put("/api/v2/organizations/" + select.id(), """
                {"organization":{"organization_fields":{"special_process":"Call their NOC before any restart"}}}""");
        Account pat = desk.endUserIn(select);

        long id = pat.api().post("/api/v2/tickets", """
                {"ticket":{"subject":"Restart needed","comment":{"body":"please"}}}""").id("ticket");

        awaitNote(id, "Call their NOC before any restart");
        assertThat(pat.api().get("/api/v2/tickets/" + id + "/comments").text()).doesNotContain("Call their NOC");
    }

    @Test
    void specialProcessIsShownToStaffNotToThePartner() {
        Org select = desk.aPartner("select");
        desk.admin.put("/api/v2/organizations/" + select.id(), """
                {"organization":{"organization_fields":{"special_process":"Escalate to the TAM"}}}""");
        Account pat = desk.endUserIn(select);

        assertThat(desk.agent().api().get("/api/v2/organizations/" + select.id())
                .at("/organization/organization_fields/special_process").stringValue()).isEqualTo("Escalate to the TAM");
        assertThat(pat.api().get("/api/v2/organizations/" + select.id()).text()).doesNotContain("Escalate to the TAM");
    }

    @Test
    void customersCarryNoSpecialProcess() {
        Org acme = desk.aCustomer();

        assertThat(desk.admin.put("/api/v2/organizations/" + acme.id(), """
                {"organization":{"organization_fields":{"special_process":"x"}}}""").status()).isEqualTo(422);
    }

    private void awaitNote(long ticketId, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (desk.admin.get("/api/v2/tickets/" + ticketId + "/comments").text().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no internal note containing " + text);
    }
}
