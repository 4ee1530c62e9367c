package org.partnerdesk.partnerops.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.partnerops.NfrException;
import org.partnerdesk.partnerops.NfrException.Capacity;
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
 * UI-1 operations console, PO-4: NFR exceptions with the business justification and the two approvals side by side
 * (a Programs Director; the requester's own Channel Director), the decide buttons only for those {@link NfrExceptions}
 * would take a decision from, Partner Operations' Fulfil once both approved, and a Channel Manager's request from a
 * partner's page ({@code /ops/nfr-exceptions/new?organization=…}).
 */
@ConsolePage
class NfrExceptionsPage {

    /** The lists: the person's own inbox, or one status, or all. */
    static final String AWAITING_ME = "awaiting_me";
    static final String ALL = "all";

    private final NfrExceptions exceptions;
    private final NfrRequests requests;
    private final Organizations organizations;
    private final Users users;

    NfrExceptionsPage(NfrExceptions exceptions, NfrRequests requests, Organizations organizations, Users users) {
        this.exceptions = exceptions;
        this.requests = requests;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping("/ops/nfr-exceptions")
    String list(Actor actor, @RequestParam(required = false) @Nullable String status, HttpServletRequest request, Model model) {
        String shown = status == null || status.isBlank() ? NfrException.Status.PENDING.code() : status.strip();
        PageRequest asked = OpsPaging.from(request);
        CursorPage<NfrException> page = switch (shown) {
            case AWAITING_ME -> exceptions.awaitingDecisionOf(actor, asked);
            case ALL -> exceptions.page(actor, asked, null);
            default -> exceptions.page(actor, asked, status(shown));
        };
        // one statement each for the page's partners and people (requesters, directors, deciders)
        Set<Long> people = new HashSet<>();
        page.items().forEach(e -> people.addAll(peopleOf(e)));
        Map<Long, String> names = names(people);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", NfrException.Status.values());
        model.addAttribute("rows", page.items().stream().map(e -> new ExceptionRow(e, names,
                Approval.of(e, Capacity.PROGRAMS_DIRECTOR, names), Approval.of(e, Capacity.CHANNEL_DIRECTOR, names))).toList());
        model.addAttribute("partners", partnerNames(page.items().stream().map(NfrException::organizationId).distinct().toList()));
        model.addAttribute("nextPage", OpsPaging.next("/ops/nfr-exceptions", Map.of("status", shown), page));
        model.addAttribute("mayAsk", exceptions.mayAsk(actor));
        return "partnerops/nfr-exceptions";
    }

    /** A list row: the exception and the two approvals in words. */
    record ExceptionRow(NfrException exception, Map<Long, String> names, Approval programsDirector, Approval channelDirector) {
        public String requester() {
            return names.getOrDefault(exception.requestedBy(), "user " + exception.requestedBy());
        }
    }

    @GetMapping("/ops/nfr-exceptions/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        return show(actor, exceptions.find(actor, id), Reason.of(null), Map.of(), model);
    }

    @PostMapping("/ops/nfr-exceptions/{id}/decide")
    String decide(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String verdict,
                  @RequestParam(required = false) @Nullable String reason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        exceptions.requireMayDecide(actor, id); // authorize before reading the form
        NfrException.Verdict chosen = verdict(verdict);
        Reason typed = Reason.of(reason);
        Optional<String> problem = chosen == NfrException.Verdict.DECLINE ? typed.problemForDecline("the channel manager")
                : typed.problemForApproval();
        if (problem.isPresent()) {
            response.setStatus(422);
            return show(actor, exceptions.find(actor, id), typed, Map.of("reason", problem.get()), model);
        }
        NfrException decided = exceptions.decide(actor, id, chosen, typed.given().orElse(null));
        String what = chosen == NfrException.Verdict.APPROVE ? "approved" : "declined";
        String next = switch (decided.status()) {
            case PENDING -> "it now waits for the other director's decision.";
            case APPROVED -> "both directors approved it: Partner Operations fulfil it.";
            case DECLINED -> "it is declined; the channel manager is told.";
            case FULFILLED -> "it was fulfilled.";
        };
        redirect.addFlashAttribute("flash", "You " + what + " NFR exception #" + id + "; " + next);
        return "redirect:/ops/nfr-exceptions/" + id;
    }

    @PostMapping("/ops/nfr-exceptions/{id}/fulfil")
    String fulfil(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        NfrException fulfilled = exceptions.fulfil(actor, id);
        redirect.addFlashAttribute("flash", "NFR exception #" + id + " fulfilled: NFR license #" + fulfilled.nfrLicenseId() + " for "
                + fulfilled.users() + " users; the partner and the channel manager are told by mail.");
        return "redirect:/ops/nfr-exceptions/" + id;
    }

    @GetMapping("/ops/nfr-exceptions/new")
    String ask(Actor actor, @RequestParam long organization, @RequestParam(required = false) @Nullable Long request, Model model) {
        exceptions.requireMayAsk(actor);
        return askForm(actor, organization, ExceptionForm.of(request == null ? null : request.toString(), null, null), Map.of(), model);
    }

    @PostMapping("/ops/nfr-exceptions/new")
    String ask(Actor actor, @RequestParam long organization, @RequestParam(required = false) @Nullable String request,
               @RequestParam(required = false) @Nullable String users, @RequestParam(required = false) @Nullable String justification,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        exceptions.requireMayAsk(actor); // authorize before reading the form
        ExceptionForm form = ExceptionForm.of(request, users, justification);
        Map<String, String> problems = form.problems();
        if (problems.isEmpty()) {
            try {
                NfrException created = exceptions.request(actor, new NfrExceptions.Ask(form.requestId(), form.userCount(),
                        form.justification().strip()));
                redirect.addFlashAttribute("flash", "NFR exception #" + created.id() + " asked for: a Programs Director and your"
                        + " Channel Director decide on it.");
                return "redirect:/ops/nfr-exceptions/" + created.id();
            } catch (ApiException refused) {
                if (refused.status() != 422) {
                    throw refused;
                }
                problems = ExceptionForm.problemsOf(refused);
            }
        }
        response.setStatus(422);
        return askForm(actor, organization, form, problems, model);
    }

    private String askForm(Actor actor, long organizationId, ExceptionForm form, Map<String, String> problems, Model model) {
        Organization partner = organizations.find(actor, organizationId);
        if (!partner.isPartner()) {
            throw ApiException.invalid("organization", "invalid_value", partner.name() + " is not a partner: NFR exceptions are for"
                    + " partners' NFR requests (PO-4).");
        }
        List<NfrRequest> open = requests.openRequestsOf(actor, organizationId);
        model.addAttribute("partner", partner);
        model.addAttribute("openRequests", open);
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        return "partnerops/nfr-exception-new";
    }

    private String show(Actor actor, NfrException exception, Reason reason, Map<String, String> errors, Model model) {
        Map<Long, String> names = names(peopleOf(exception));
        Optional<Capacity> capacity = exceptions.capacityToDecide(actor, exception);
        model.addAttribute("exception", exception);
        model.addAttribute("names", names);
        model.addAttribute("partner", partnerNames(List.of(exception.organizationId())).getOrDefault(exception.organizationId(),
                "organization " + exception.organizationId()));
        model.addAttribute("approvals", List.of(Approval.of(exception, Capacity.PROGRAMS_DIRECTOR, names),
                Approval.of(exception, Capacity.CHANNEL_DIRECTOR, names)));
        model.addAttribute("decideAs", capacity.map(Capacity::title).orElse(null));
        model.addAttribute("mayFulfil", exception.status() == NfrException.Status.APPROVED && exceptions.mayFulfil(actor));
        model.addAttribute("reason", reason.text());
        model.addAttribute("errors", errors);
        return "partnerops/nfr-exception";
    }

    private static Set<Long> peopleOf(NfrException exception) {
        Set<Long> people = new HashSet<>();
        people.add(exception.requestedBy());
        people.add(exception.channelDirectorId());
        exception.decisions().forEach(d -> people.add(d.decidedBy()));
        if (exception.fulfilledBy() != null) {
            people.add(exception.fulfilledBy());
        }
        return people;
    }

    private Map<Long, String> names(Set<Long> ids) {
        return users.findAll(ids).stream().collect(Collectors.toMap(User::id, User::name));
    }

    private Map<Long, String> partnerNames(List<Long> ids) {
        return organizations.findAll(ids).stream().collect(Collectors.toMap(Organization::id, Organization::name));
    }

    private static NfrException.Status status(String code) {
        try {
            return NfrException.Status.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("InvalidParameter", "There is no NFR exception list \"" + code + "\".");
        }
    }

    private static NfrException.Verdict verdict(@Nullable String code) {
        if ("approve".equals(code)) {
            return NfrException.Verdict.APPROVE;
        }
        if ("decline".equals(code)) {
            return NfrException.Verdict.DECLINE;
        }
        throw ApiException.badRequest("InvalidParameter", "Choose Approve or Decline.");
    }
}
