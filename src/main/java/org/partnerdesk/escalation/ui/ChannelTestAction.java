package org.partnerdesk.escalation.ui;

import org.partnerdesk.api.Actor;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.escalation.AllianceChannels;
import org.partnerdesk.escalation.ChannelTest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * TKT-8, UI-1 (#16): "Send test message" on the operations console's organization page; the outcome (delivered, or
 * what the webhook answered) comes back as the flash message. Here, not in the directory, which knows no chat channels.
 */
@ConsolePage
class ChannelTestAction {

    private final AllianceChannels channels;

    ChannelTestAction(AllianceChannels channels) {
        this.channels = channels;
    }

    @PostMapping("/ops/organizations/{id}/test-message")
    String send(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        ChannelTest test = channels.sendTestMessage(actor, id);
        redirect.addFlashAttribute(test.isDelivered() ? "flash" : "flashProblem", test.outcome());
        return "redirect:/ops/organizations/" + id;
    }
}
