package org.partnerdesk.ticket.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.ticket.Requests;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issue #17 item 4: Zendesk's request, a ticket as the people it is for see it: no tags, submitter, entitlement or SLA
 * (those are the agents'), an internal description left out (TKT-1), and whether the reader may mark it solved.
 */
record RequestJson(long id, String url, String subject, String description, String status, @Nullable String priority,
                   @Nullable String type, @Nullable Long organizationId, long requesterId, @Nullable Long assigneeId,
                   @Nullable Long groupId, List<Long> collaboratorIds, List<Long> emailCcIds,
                   List<TicketJson.CustomFieldValue> customFields, List<TicketJson.CustomFieldValue> fields, long ticketFormId,
                   TicketJson.Via via, boolean isPublic, boolean canBeSolvedByMe, boolean solved, @Nullable Long followupSourceId,
                   @Nullable Instant dueAt, @Nullable String recipient, Instant createdAt, Instant updatedAt) {

    /** Writes requests with every custom field of their form, as tickets are written. */
    static final class Shape {
        private final TicketJson.Shape tickets;
        private final Requests requests;

        Shape(TicketJson.Shape tickets, Requests requests) {
            this.tickets = tickets;
            this.requests = requests;
        }

        RequestJson of(Ticket t, Actor reader) {
            TicketJson ticket = tickets.of(t, reader);
            String description = t.descriptionFor(false); // read as an end user reads it, whoever asks (agents too), TKT-1
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/requests/{id}.json").buildAndExpand(t.id())
                    .toUriString();
            return new RequestJson(t.id(), url, ticket.subject(), description, ticket.status(), ticket.priority(),
                    ticket.type(), ticket.organizationId(), ticket.requesterId(), ticket.assigneeId(), ticket.groupId(), ticket.collaboratorIds(),
                    ticket.emailCcIds(), ticket.customFields(), ticket.fields(), ticket.ticketFormId(), ticket.via(), true,
                    requests.canBeSolvedBy(reader, t), t.status() == TicketStatus.SOLVED || t.status() == TicketStatus.CLOSED, null, null,
                    null, ticket.createdAt(), ticket.updatedAt());
        }
    }
}
