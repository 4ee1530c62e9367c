package org.partnerdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.partnerdesk.ModuleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TKT-4, issue #13: the SLA module on its own (no ticket module): told of a new ticket it starts the first-reply clock,
 * and its breach scan publishes {@link SlaBreached} for a clock that ran out.
 */
@ApplicationModuleTest(extraIncludes = "api")
class SlaModuleTest extends ModuleTest {

    @Autowired
    Slas slas;

    @Autowired
    JdbcClient db;

    @Test
    void aPrioritySupportTicketStartsItsFirstReplyClockAtCreation() {
        long ticketId = aTicket();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        slas.start(ticketId, "priority", "urgent", createdAt, false);

        assertThat(slas.metrics(ticketId)).singleElement().satisfies(metric -> {
            assertThat(metric.metric()).isEqualTo("first_reply_time");
            assertThat(metric.stage()).isEqualTo("active");
            // DOMAIN-FACTS "Priority support targets": urgent, 30 minutes on calendar time
            assertThat(metric.breachAt()).isEqualTo(createdAt.plus(Duration.ofMinutes(30)));
        });
    }

    @Test
    void theBreachScanAnnouncesAClockThatRanOut(Scenario scenario) {
        long ticketId = aTicket();
        slas.start(ticketId, "priority", "urgent", Instant.now().minus(Duration.ofHours(1)), false);

        scenario.stimulate(() -> slas.markBreaches(Instant.now()))
                .andWaitForEventOfType(SlaBreached.class)
                .matching(breach -> breach.ticketId() == ticketId)
                .toArriveAndVerify(breach -> assertThat(breach.metric()).isEqualTo("first_reply_time"));
        assertThat(slas.metrics(ticketId)).singleElement().extracting(PolicyMetric::stage).isEqualTo("breached");
    }

    @Test
    void aClockNotYetDueIsNotAnnounced() {
        long ticketId = aTicket();
        slas.start(ticketId, "priority", "urgent", Instant.now(), false);

        assertThat(slas.markBreaches(Instant.now())).noneMatch(breach -> breach.ticketId() == ticketId);
        assertThat(slas.metrics(ticketId)).singleElement().extracting(PolicyMetric::stage).isEqualTo("active");
    }

    // the module knows a ticket by its id only; ticket_slas' foreign key wants the row, so it stands in for the ticket module
    private long aTicket() {
        return db.sql("""
                insert into tickets (subject, description, ticket_form_id, requester_id, submitter_id, entitlement)
                select 'SLA module test', '', 426148, id, id, '{}' from users where email = 'desk@partnerdesk.invalid'
                returning id""").query(Long.class).single();
    }
}
