package org.partnerdesk.partnerops.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.PartnerApplication;
import org.partnerdesk.partnerops.SignUps;
import org.partnerdesk.partnerops.Transition;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * UI-1 operations console, PO-1: the partner applications (in review first), one application with its history, and
 * Partner Operations' Approve and Decline (with the reason the applicant is mailed), through {@link SignUps}.
 */
@ConsolePage
class ApplicationsPage {

    private static final int HISTORY_SHOWN = 50;

    private final SignUps signUps;
    private final Users users;

    ApplicationsPage(SignUps signUps, Users users) {
        this.signUps = signUps;
        this.users = users;
    }

    @GetMapping("/ops/applications")
    String list(Actor actor, @RequestParam(required = false) @Nullable String status, HttpServletRequest request, Model model) {
        String shown = status == null || status.isBlank() ? PartnerApplication.Status.IN_REVIEW.code() : status.strip();
        CursorPage<PartnerApplication> page = signUps.page(actor, PartnerApplication.Status.matching(shown), OpsPaging.from(request));
        model.addAttribute("status", shown);
        model.addAttribute("applications", page.items());
        model.addAttribute("nextPage", OpsPaging.next("/ops/applications", Map.of("status", shown), page));
        model.addAttribute("mayCreateManually", signUps.mayCreateManually(actor));
        return "partnerops/applications";
    }

    @GetMapping("/ops/applications/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        return show(actor, signUps.find(actor, id), Reason.of(null), Map.of(), model);
    }

    @PostMapping("/ops/applications/{id}/approve")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        PartnerApplication approved = signUps.approve(actor, id, null);
        redirect.addFlashAttribute("flash", "Partner application #" + id + " from " + approved.company() + " approved: the partner"
                + " organization was created and " + approved.contactEmail() + " was sent a sign-in invitation.");
        return "redirect:/ops/applications";
    }

    @PostMapping("/ops/applications/{id}/decline")
    String decline(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        signUps.requireMayDecide(actor); // authorize before reading the reason
        Reason typed = Reason.of(reason);
        Optional<String> problem = typed.problemForDecline("the applicant");
        if (problem.isPresent()) {
            response.setStatus(422);
            return show(actor, signUps.find(actor, id), typed, Map.of("reason", problem.get()), model);
        }
        PartnerApplication declined = signUps.decline(actor, id, typed.given().orElseThrow());
        redirect.addFlashAttribute("flash", "Partner application #" + id + " from " + declined.company() + " declined; "
                + declined.contactEmail() + " is told the reason by mail.");
        return "redirect:/ops/applications";
    }

    private String show(Actor actor, PartnerApplication application, Reason reason, Map<String, String> errors, Model model) {
        List<Transition> history = signUps.audits(actor, application.id(), new PageRequest(HISTORY_SHOWN, 0)).items();
        Set<Long> people = new HashSet<>();
        history.stream().map(Transition::actorId).filter(java.util.Objects::nonNull).forEach(people::add);
        model.addAttribute("partnerApplication", application);
        model.addAttribute("history", history);
        model.addAttribute("people", names(people));
        model.addAttribute("mayDecide", signUps.mayDecide(actor, application));
        model.addAttribute("reason", reason.text());
        model.addAttribute("errors", errors);
        return "partnerops/application";
    }

    private Map<Long, String> names(Set<Long> ids) {
        return users.findAll(ids).stream().collect(java.util.stream.Collectors.toMap(User::id, User::name));
    }
}
