package org.partnerdesk.partnerops.ui;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.NfrExceptions;
import org.partnerdesk.partnerops.NfrRequest;
import org.partnerdesk.partnerops.NfrRequests;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * UI-1 operations console, PO-3: NFR requests (those awaiting fulfilment first), each with its eligibility explained
 * requirement by requirement, and Licensing's Fulfil, through {@link NfrRequests}.
 */
@ConsolePage
class NfrRequestsPage {

    private final NfrRequests requests;
    private final NfrExceptions exceptions;
    private final Organizations organizations;
    private final Users users;

    NfrRequestsPage(NfrRequests requests, NfrExceptions exceptions, Organizations organizations, Users users) {
        this.requests = requests;
        this.exceptions = exceptions;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping("/ops/nfr-requests")
    String list(Actor actor, @RequestParam(required = false) @Nullable String status, HttpServletRequest request, Model model) {
        NfrRequest.Status shown = status(status);
        CursorPage<NfrRequest> page = requests.page(actor, shown, OpsPaging.from(request));
        // one statement each for the page's partners and submitters
        model.addAttribute("status", shown.code());
        model.addAttribute("statuses", NfrRequest.Status.values());
        model.addAttribute("requests", page.items());
        model.addAttribute("partners", organizations.findAll(page.items().stream().map(NfrRequest::organizationId).distinct().toList())
                .stream().collect(Collectors.toMap(Organization::id, Organization::name)));
        model.addAttribute("people", users.findAll(page.items().stream().map(NfrRequest::submitterId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(User::id, User::name)));
        model.addAttribute("nextPage", OpsPaging.next("/ops/nfr-requests", Map.of("status", shown.code()), page));
        return "partnerops/nfr-requests";
    }

    @GetMapping("/ops/nfr-requests/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        actor.requireStaff();
        NfrRequest request = requests.find(actor, id);
        var open = exceptions.openOn(actor, id);
        Set<Long> people = new HashSet<>();
        people.add(request.submitterId());
        if (request.fulfilledBy() != null) {
            people.add(request.fulfilledBy());
        }
        model.addAttribute("nfrRequest", request);
        model.addAttribute("partner", organizations.find(request.organizationId()).map(Organization::name)
                .orElse("organization " + request.organizationId()));
        model.addAttribute("people", users.findAll(people).stream().collect(Collectors.toMap(User::id, User::name)));
        model.addAttribute("openException", open.orElse(null));
        model.addAttribute("mayFulfil", requests.mayFulfil(actor) && request.status() == NfrRequest.Status.AWAITING_FULFILMENT
                && open.isEmpty());
        model.addAttribute("mayAskException", exceptions.mayAsk(actor) && request.isOpen() && open.isEmpty());
        return "partnerops/nfr-request";
    }

    @PostMapping("/ops/nfr-requests/{id}/fulfil")
    String fulfil(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        NfrRequest fulfilled = requests.fulfil(actor, id);
        redirect.addFlashAttribute("flash", "NFR request #" + id + " fulfilled: NFR license #" + fulfilled.nfrLicenseId() + " for "
                + fulfilled.users() + " users; the submitter is told by mail.");
        return "redirect:/ops/nfr-requests";
    }

    private static NfrRequest.Status status(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return NfrRequest.Status.AWAITING_FULFILMENT;
        }
        try {
            return NfrRequest.Status.fromCode(code.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("InvalidParameter", "There is no NFR request status \"" + code + "\".");
        }
    }
}
