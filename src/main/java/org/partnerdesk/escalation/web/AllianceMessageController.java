package org.partnerdesk.escalation.web;

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
    AllianceMessageResponse post(Actor actor, @PathVariable long id, @RequestBody JsonNode body) {
        actor.requireStaff();
        JsonBody message = JsonBody.root(body, "alliance_message");
        String kind = message.requiredOneOf("kind", AllianceChannels.KINDS);
        String text = message.requiredText("text", 4_000);
        message.throwIfInvalid();
        AllianceMessageRequested posted = channels.post(actor, id, kind, text);
        return new AllianceMessageResponse(new AllianceMessageJson(posted.ticketId(), posted.kind(), posted.allianceTicketId(),
                posted.text(), "queued"));
    }

    /** The root object of a message queued for the alliance partner's channel (TKT-8). */
    record AllianceMessageResponse(AllianceMessageJson allianceMessage) {
    }

    record AllianceMessageJson(long ticketId, String kind, String allianceTicketId, String text, String status) {
    }
}
