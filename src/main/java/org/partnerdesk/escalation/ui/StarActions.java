package org.partnerdesk.escalation.ui;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.escalation.StarRefusal;
import org.partnerdesk.escalation.StarRequest;
import org.partnerdesk.escalation.StarRequests;
import org.partnerdesk.escalation.Urgency;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** TKT-7 from the ticket page's STAR part: the same facade calls as {@code /api/v2/star_requests}, so the same refusals. */
@ConsolePage
class StarActions {

    private static final int TEXT = 4_000;

    private final StarRequests stars;

    StarActions(StarRequests stars) {
        this.stars = stars;
    }

    @PostMapping("/agent/tickets/{id}/star")
    String star(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String urgency,
                @RequestParam(defaultValue = "") String plan, @RequestParam(defaultValue = "") String reason,
                @RequestParam(name = "desired_result", defaultValue = "") String desiredResult, RedirectAttributes redirect) {
        stars.requireMayStar(actor); // authorize before validating, as the API does
        Urgency chosen = Urgency.fromCode(urgency).orElseThrow(() -> new StarRefusal("urgency", "choose an urgency: not urgent, timely or urgent"));
        StarRequests.Ask ask = new StarRequests.Ask(chosen, given("plan", plan), given("reason", reason), given("desired result", desiredResult));
        StarRequest star = stars.star(actor, id, ask);
        redirect.addFlashAttribute("flash", "Ticket starred (TKT-7): the on-call support manager answers by "
                + WholeSeconds.of(star.respondBy()) + ".");
        return "redirect:/agent/tickets/" + id;
    }

    @PostMapping("/agent/star_requests/{starId}/unstar")
    String unstar(Actor actor, @PathVariable long starId, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(name = "alternative_path", defaultValue = "") String alternativePath, RedirectAttributes redirect) {
        stars.requireMayUnstar(actor, starId);
        StarRequest unstarred = stars.unstar(actor, starId, reason, alternativePath);
        redirect.addFlashAttribute("flash", "STAR removed (TKT-7): " + unstarred.unstarReason());
        return "redirect:/agent/tickets/" + unstarred.ticketId();
    }

    private static String given(String field, String text) {
        if (text.isBlank()) {
            throw new StarRefusal(field.replace(' ', '_'), "give the " + field + " of the STAR");
        }
        if (text.length() > TEXT) {
            throw new StarRefusal(field.replace(' ', '_'), "the " + field + " is longer than " + TEXT + " characters");
        }
        return text.strip();
    }
}
