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
    private final ChatWebhook webhook;

    AllianceChannels(Tickets tickets, TicketForms forms, Users users, Organizations organizations, ApplicationEventPublisher publisher,
                     ChatWebhook webhook) {
        this.tickets = tickets;
        this.forms = forms;
        this.users = users;
        this.organizations = organizations;
        this.publisher = publisher;
        this.webhook = webhook;
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
        webhook.refusal(partner.chatWebhookUrl()).ifPresent(why -> {
            throw refused(partner.name() + "'s chat webhook cannot be called: it " + why);
        });
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

    /**
     * TKT-8, UI-1 (#16): an admin checks an alliance partner's webhook with a test message, posted at once by the same
     * delivery the outbox uses, so the answer (delivered, or the webhook's status or error) is known on the spot; nothing
     * is queued for a retry, as a failed test is for the admin to fix.
     */
    public ChannelTest sendTestMessage(Actor actor, long organizationId) {
        actor.requireAdmin();
        Organization partner = organizations.find(actor, organizationId);
        if (!partner.isAlliance() || partner.chatWebhookUrl() == null) {
            throw new ApiException(422, "RecordInvalid", partner.name() + " has no alliance chat webhook to test (TKT-8)",
                    Map.of("chat_webhook_url", java.util.List.of(new ApiException.FieldError(partner.name()
                            + " has no alliance chat webhook to test: set the webhook of the alliance partner's #a_ channel first.", "TKT-8"))));
        }
        String channel = channelName(partner);
        Optional<String> internal = webhook.refusal(partner.chatWebhookUrl());
        if (internal.isPresent()) {
            return new ChannelTest(channel, false, "Test message not sent to " + channel + ": its webhook " + internal.get() + ".");
        }
        String text = "Test message from PartnerDesk: this is " + channel + ", where escalations for " + partner.name() + " are posted.";
        try {
            int status = webhook.deliver(partner.chatWebhookUrl(), text);
            return status / 100 == 2
                    ? new ChannelTest(channel, true, "Test message delivered to " + channel + " (the webhook answered " + status + ").")
                    : new ChannelTest(channel, false, "Test message not delivered to " + channel + ": the webhook answered " + status
                            + ". Check the webhook address with the partner's chat administrator.");
        } catch (java.io.IOException | IllegalArgumentException e) {
            return new ChannelTest(channel, false, "Test message not delivered to " + channel + ": the webhook could not be reached ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "). Check the webhook address.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChannelTest(channel, false, "Test message not sent to " + channel + ": the desk was stopping.");
        }
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
