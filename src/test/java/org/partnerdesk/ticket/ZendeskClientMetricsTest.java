package org.partnerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partnerdesk.Desk;
import org.partnerdesk.ZendeskClientTest;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Metric;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

/** Issue #17 item 6, API-1: the real zendesk-java-client reads ticket metrics, one by ticket, one by id, and the paged list. */
class ZendeskClientMetricsTest extends ZendeskClientTest {

    @Override
    protected Zendesk.Builder configure(Zendesk.Builder client) {
        return client.setCbpPageSize(2);
    }

    @Test
    void theZendeskClientReadsATicketsMetricByTicketByIdAndInTheList() {
        Ticket ticket = new Ticket();
        ticket.setSubject("Metrics through the Zendesk client");
        ticket.setComment(new Comment("Runner crashes"));
        ticket.setTicketFormId(Desk.SUPPORT_FORM);
        Ticket created = zendesk.createTicket(ticket);
        created.setStatus(Status.SOLVED);
        created.setComment(new Comment("Restart it"));
        zendesk.updateTicket(created);
        for (int i = 0; i < 3; i++) {
            Ticket more = new Ticket();
            more.setSubject("Page filler " + i);
            more.setComment(new Comment("filler"));
            zendesk.createTicket(more);
        }

        Metric byTicket = zendesk.getTicketMetricByTicket(created.getId());
        Metric byId = zendesk.getTicketMetric(byTicket.getId());
        Set<Long> listed = new HashSet<>();
        int count = 0;
        for (Metric metric : zendesk.getTicketMetrics()) {
            listed.add(metric.getTicketId());
            count++;
        }

        assertThat(byTicket.getTicketId()).isEqualTo(created.getId());
        assertThat(byTicket.getReplies()).isEqualTo(1L);
        assertThat(byTicket.getReopens()).isZero();
        assertThat(byTicket.getSolvedAt()).isNotNull();
        assertThat(byTicket.getCreatedAt()).isNotNull();
        assertThat(byTicket.getReplyTimeMinutes().getCalendarMinutes()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(byTicket.getReplyTimeMinutes().getBusinessMinutes()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(byTicket.getFullResolutionTimeMinutes().getCalendarMinutes()).isNotNull();
        assertThat(byTicket.getAgentWaitTimeMinutes().getCalendarMinutes()).isZero();
        assertThat(byId.getTicketId()).isEqualTo(created.getId());
        assertThat(byId.getSolvedAt()).isEqualTo(byTicket.getSolvedAt());
        assertThat(count).as("every page followed, none twice").isEqualTo(listed.size()).isGreaterThanOrEqualTo(4);
        assertThat(listed).contains(created.getId());
    }
}
