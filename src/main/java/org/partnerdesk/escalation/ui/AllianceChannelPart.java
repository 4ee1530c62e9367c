package org.partnerdesk.escalation.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.partnerdesk.api.Actor;
import org.partnerdesk.escalation.AllianceChannels;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketPagePart;
import org.springframework.stereotype.Component;

/** TKT-8 [004] on the agent ticket page of an alliance partner's ticket: post to its #a_ channel, or say it has none. */
@Component
class AllianceChannelPart implements TicketPagePart {

    private final AllianceChannels channels;

    AllianceChannelPart(AllianceChannels channels) {
        this.channels = channels;
    }

    @Override
    public Slot slot() {
        return Slot.SIDE;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Rendered> render(Actor actor, Ticket ticket) {
        if (!actor.isStaff()) {
            return Optional.empty();
        }
        return channels.channelFor(actor, ticket).map(channel -> {
            Map<String, Object> model = new HashMap<>();
            model.put("ticketId", ticket.id());
            model.put("partner", channel.partner());
            if (channel.channel() != null) {
                model.put("channel", channel.channel());
            }
            return new Rendered("escalation/alliance-channel", model);
        });
    }
}
