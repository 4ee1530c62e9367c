package org.partnerdesk.escalation.web;

import java.util.Map;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.JsonBody;
import org.partnerdesk.escalation.AllianceChannels;
import org.partnerdesk.escalation.AllianceMessageRequested;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v2/tickets/{id}/alliance_messages} (TKT-8): staff post to the alliance partner's channel. */
@RestController
class AllianceMessageController {

    private final AllianceChannels channels;

    AllianceMessageController(AllianceChannels channels) {
        this.channels = channels;
    }

    @PostMapping("/api/v2/tickets/{id}/alliance_messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> post(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        actor.requireStaff();
        JsonBody message = JsonBody.root(body, "alliance_message");
        String kind = message.requiredOneOf("kind", AllianceChannels.KINDS);
        String text = message.requiredText("text", 4_000);
        message.throwIfInvalid();
        AllianceMessageRequested posted = channels.post(actor, id, kind, text);
        return Map.of("alliance_message", Map.of("ticket_id", posted.ticketId(), "kind", posted.kind(),
                "alliance_ticket_id", posted.allianceTicketId(), "text", posted.text(), "status", "queued"));
    }
}
