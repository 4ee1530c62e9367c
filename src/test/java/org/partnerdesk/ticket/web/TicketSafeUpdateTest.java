package org.partnerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerdesk.ticket.web.TicketState.put;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerdesk.ApiClient.Reply;
import org.partnerdesk.ApiTest;
import org.partnerdesk.Desk.Account;

/** UI-1 collision over PUT /api/v2/tickets/{id}: Zendesk's safe_update with updated_stamp refuses a change made on an old copy. */
class TicketSafeUpdateTest extends ApiTest {

    private Account agent;
    private long id;
    private String readAt;

    @BeforeEach
    void aTicketIsRead() {
        TicketState.Filed filed = TicketState.aPremiumCustomerFiles(desk, "Runner crashes", "Every job dies", "normal");
        agent = filed.agent();
        id = filed.id();
        readAt = agent.api().get("/api/v2/tickets/" + id).at("/ticket/updated_at").stringValue();
    }

    @Test
    void safeUpdateOnTheCopyAsReadIsSaved() {
        Reply saved = put(agent.api(), id, """
                {"status":"open","safe_update":true,"updated_stamp":"%s"}""".formatted(readAt));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.at("/ticket/status").stringValue()).isEqualTo("open");
    }

    @Test
    void safeUpdateOnACopyOlderThanAColleaguesChangeIsRefusedWithAConflictAndSavesNothing() {
        nextSecond(); // the API shows times to the second: the colleague's change must fall in a later one to be told apart
        assertThat(put(desk.agent().api(), id, """
                {"comment":{"body":"Colleague: asked for logs","public":false}}""").status()).isEqualTo(200);

        Reply stale = put(agent.api(), id, """
                {"status":"solved","comment":{"body":"Fixed, closing"},"safe_update":true,"updated_stamp":"%s"}""".formatted(readAt));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().propertyNames()).containsExactly("error", "description", "details");
        assertThat(stale.at("/error").stringValue()).isEqualTo("UpdateConflict");
        assertThat(stale.at("/description").stringValue()).contains("Ticket " + id + " was changed at", "nothing was saved");
        assertThat(stale.at("/details/updated_stamp/0/error").stringValue()).isEqualTo("stale");
        Reply now = agent.api().get("/api/v2/tickets/" + id);
        assertThat(now.at("/ticket/status").stringValue()).isEqualTo("new");
        assertThat(agent.api().get("/api/v2/tickets/" + id + "/comments").text()).doesNotContain("Fixed, closing");
    }

    @Test
    void withoutSafeUpdateAnOldStampIsIgnoredAsZendeskDoes() {
        Reply saved = put(agent.api(), id, """
                {"status":"open","updated_stamp":"2020-01-01T00:00:00Z"}""");

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    @Test
    void safeUpdateWithoutAStampOrWithAnUnreadableOneIsA422() {
        Reply missing = put(agent.api(), id, """
                {"status":"open","safe_update":true}""");
        Reply unreadable = put(agent.api(), id, """
                {"status":"open","safe_update":true,"updated_stamp":"yesterday"}""");

        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.at("/details/updated_stamp/0/error").stringValue()).isEqualTo("blank");
        assertThat(unreadable.status()).as(unreadable.toString()).isEqualTo(422);
        assertThat(unreadable.at("/details/updated_stamp/0/error").stringValue()).isEqualTo("invalid_value");
    }

    private void nextSecond() {
        Instant read = Instant.parse(readAt);
        while (!Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(read)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
