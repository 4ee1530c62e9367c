package org.partnerdesk.ticket.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.TicketMetric;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Zendesk's ticket_metric shape (issue #17 item 6); its id is the ticket's. */
record TicketMetricJson(long id, String url, long ticketId, int groupStations, int assigneeStations, int reopens, int replies,
                        @Nullable Instant assigneeUpdatedAt, @Nullable Instant requesterUpdatedAt, Instant statusUpdatedAt,
                        @Nullable Instant initiallyAssignedAt, @Nullable Instant assignedAt, @Nullable Instant solvedAt,
                        @Nullable Instant latestCommentAddedAt, TicketMetric.Minutes replyTimeInMinutes,
                        TicketMetric.Minutes firstResolutionTimeInMinutes, TicketMetric.Minutes fullResolutionTimeInMinutes,
                        TicketMetric.Minutes agentWaitTimeInMinutes, TicketMetric.Minutes requesterWaitTimeInMinutes,
                        TicketMetric.Minutes onHoldTimeInMinutes, Instant createdAt, Instant updatedAt) {

    static TicketMetricJson of(TicketMetric m) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/ticket_metrics/{id}.json")
                .buildAndExpand(m.ticketId()).toUriString();
        return new TicketMetricJson(m.ticketId(), url, m.ticketId(), m.groupStations(), m.assigneeStations(), m.reopens(), m.replies(),
                m.assigneeUpdatedAt(), m.requesterUpdatedAt(), m.statusUpdatedAt(), m.initiallyAssignedAt(), m.assignedAt(), m.solvedAt(),
                m.latestCommentAddedAt(), m.replyTime(), m.firstResolutionTime(), m.fullResolutionTime(), m.agentWaitTime(),
                m.requesterWaitTime(), m.onHoldTime(), m.createdAt(), m.updatedAt());
    }
}
