package org.partnerdesk.partnerops.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.PortalAccess;
import org.partnerdesk.partnerops.PortalAccessRequest;
import org.partnerdesk.partnerops.Transition;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * UI-1 operations console, PO-2: portal access requests (pending first), one request with its history, and Partner
 * Operations' Approve (the person joins the partner and is invited) and Decline (with the reason mailed), through
 * {@link PortalAccess}.
 */
@ConsolePage
class AccessRequestsPage {

    private static final int HISTORY_SHOWN = 50;

    private final PortalAccess access;
    private final Organizations organizations;
    private final Users users;

    AccessRequestsPage(PortalAccess access, Organizations organizations, Users users) {
        this.access = access;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping("/ops/access-requests")
    String list(Actor actor, @RequestParam(required = false) @Nullable String status, HttpServletRequest request, Model model) {
        String shown = status == null || status.isBlank() ? PortalAccessRequest.Status.PENDING.code() : status.strip();
        CursorPage<PortalAccessRequest> page = access.page(actor, PortalAccessRequest.Status.matching(shown), OpsPaging.from(request));
        // one statement for the partners of the whole page
        List<Long> partnerIds = page.items().stream().map(PortalAccessRequest::organizationId).distinct().toList();
        model.addAttribute("status", shown);
        model.addAttribute("requests", page.items());
        model.addAttribute("partners", organizations.findAll(partnerIds).stream().collect(Collectors.toMap(Organization::id, Organization::name)));
        model.addAttribute("nextPage", OpsPaging.next("/ops/access-requests", Map.of("status", shown), page));
        return "partnerops/access-requests";
    }

    @GetMapping("/ops/access-requests/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        return show(actor, access.find(actor, id), Reason.of(null), Map.of(), model);
    }

    @PostMapping("/ops/access-requests/{id}/approve")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        PortalAccessRequest approved = access.approve(actor, id, null);
        redirect.addFlashAttribute("flash", "Portal access request #" + id + " approved: " + approved.email()
                + " was sent a sign-in invitation.");
        return "redirect:/ops/access-requests";
    }

    @PostMapping("/ops/access-requests/{id}/decline")
    String decline(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        access.requireMayDecide(actor); // authorize before reading the reason
        Reason typed = Reason.of(reason);
        Optional<String> problem = typed.problemForDecline("the person who asked");
        if (problem.isPresent()) {
            response.setStatus(422);
            return show(actor, access.find(actor, id), typed, Map.of("reason", problem.get()), model);
        }
        PortalAccessRequest declined = access.decline(actor, id, typed.given().orElseThrow());
        redirect.addFlashAttribute("flash", "Portal access request #" + id + " declined; " + declined.email()
                + " is told the reason by mail.");
        return "redirect:/ops/access-requests";
    }

    private String show(Actor actor, PortalAccessRequest request, Reason reason, Map<String, String> errors, Model model) {
        List<Transition> history = access.audits(actor, request.id(), new PageRequest(HISTORY_SHOWN, 0)).items();
        Set<Long> people = new HashSet<>();
        history.stream().map(Transition::actorId).filter(Objects::nonNull).forEach(people::add);
        if (request.requestedBy() != null) {
            people.add(request.requestedBy());
        }
        model.addAttribute("accessRequest", request);
        model.addAttribute("partner", organizations.find(request.organizationId()).map(Organization::name).orElse("organization " + request.organizationId()));
        model.addAttribute("history", history);
        model.addAttribute("people", users.findAll(people).stream().collect(Collectors.toMap(User::id, User::name)));
        model.addAttribute("mayDecide", access.mayDecide(actor, request));
        model.addAttribute("reason", reason.text());
        model.addAttribute("errors", errors);
        return "partnerops/access-request";
    }
}
