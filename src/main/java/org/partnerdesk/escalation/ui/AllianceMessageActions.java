package org.partnerdesk.escalation.ui;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.escalation.AllianceChannels;
import org.partnerdesk.escalation.AllianceMessageRequested;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** TKT-8 from the ticket page: the same call as {@code POST /api/v2/tickets/{id}/alliance_messages}; delivery goes through the outbox (NTF-1). */
@ConsolePage
class AllianceMessageActions {

    private static final int TEXT = 4_000;

    private final AllianceChannels channels;

    AllianceMessageActions(AllianceChannels channels) {
        this.channels = channels;
    }

    @PostMapping("/agent/tickets/{id}/alliance_messages")
    String post(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        actor.requireStaff(); // authorize before validating, as the API does
        if (!AllianceChannels.KINDS.contains(kind)) {
            throw refused("kind", "choose Escalation or Request for information");
        }
        if (text.isBlank() || text.length() > TEXT) {
            throw refused("text", "write the message for the channel, at most " + TEXT + " characters");
        }
        AllianceMessageRequested posted = channels.post(actor, id, kind, text.strip());
        redirect.addFlashAttribute("flash", "Queued for " + posted.partner() + "'s channel (TKT-8): " + posted.text());
        return "redirect:/agent/tickets/" + id;
    }

    private static ApiException refused(String field, String why) {
        return new ApiException(422, "RecordInvalid", why + " (TKT-8)",
                java.util.Map.of(field, java.util.List.of(new ApiException.FieldError(why, "TKT-8"))));
    }
}
