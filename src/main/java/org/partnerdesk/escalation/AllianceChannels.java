package org.partnerdesk.escalation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.Tickets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TKT-8 [004]: escalations and requests for information go to the alliance partner's #a_ channel, naming the
 * partner's own ticket id; the work itself stays on the ticket, where an internal note records what was posted.
 */
@Service
public class AllianceChannels {

    public static final Set<String> KINDS = Set.of("escalation", "information_request");

    private final Tickets tickets;
    private final TicketForms forms;
    private final Users users;
    private final Organizations organizations;
    private final ApplicationEventPublisher publisher;

    AllianceChannels(Tickets tickets, TicketForms forms, Users users, Organizations organizations, ApplicationEventPublisher publisher) {
        this.tickets = tickets;
        this.forms = forms;
        this.users = users;
        this.organizations = organizations;
        this.publisher = publisher;
    }

    @Transactional
    public AllianceMessageRequested post(Actor actor, long ticketId, String kind, String text) {
        actor.requireStaff();
        Ticket ticket = tickets.find(actor, ticketId);
        Organization partner = alliancePartnerOf(ticket)
                .orElseThrow(() -> refused("ticket " + ticketId + " was not raised by an alliance partner"));
        if (partner.chatWebhookUrl() == null) {
            throw refused(partner.name() + " has no chat channel: set organization_fields.chat_webhook_url first");
        }
        String allianceTicketId = ticket.text(forms.fieldId(TicketForms.ALLIANCE_TICKET_ID));
        String theirs = allianceTicketId == null ? "no partner ticket id" : allianceTicketId;
        String label = kind.equals("escalation") ? "Escalation" : "Request for information";
        String message = label + " on " + theirs + " (PartnerDesk #" + ticketId + "): " + text;
        tickets.addInternalNote(ticketId, actor.userId(), "Posted to " + channelName(partner) + ": " + message);
        AllianceMessageRequested requested = new AllianceMessageRequested(ticketId, partner.name(), theirs, kind, message,
                partner.chatWebhookUrl());
        publisher.publishEvent(requested);
        return requested;
    }

    /** An alliance partner's channel as the ticket page offers it; {@code channel} is null while no webhook is set. */
    public record Channel(String partner, @Nullable String channel) {
    }

    /** TKT-8: the channel of the alliance partner that raised this ticket, for staff; none on other tickets. */
    public Optional<Channel> channelFor(Actor actor, Ticket ticket) {
        actor.requireStaff();
        return alliancePartnerOf(ticket).map(partner -> new Channel(partner.name(),
                partner.chatWebhookUrl() == null ? null : channelName(partner)));
    }

    private Optional<Organization> alliancePartnerOf(Ticket ticket) {
        return users.find(ticket.submitterId()).map(u -> u.organizationId())
                .flatMap(id -> id == null ? Optional.<Organization>empty() : organizations.find(id))
                .filter(Organization::isAlliance);
    }

    /** The seed's naming: #a_[Alliance Partner name]. */
    static String channelName(Organization partner) {
        return "#a_" + partner.name().toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static ApiException refused(String why) {
        return new ApiException(422, "RecordInvalid", why + " (TKT-8)",
                Map.of("ticket_id", java.util.List.of(new ApiException.FieldError(why, "TKT-8"))));
    }
}
