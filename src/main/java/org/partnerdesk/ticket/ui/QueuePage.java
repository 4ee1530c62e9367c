package org.partnerdesk.ticket.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organization;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.AgentView;
import org.partnerdesk.ticket.QueuedTicket;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketForm;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketQueue;
import org.partnerdesk.ticket.TicketQueues;
import org.partnerdesk.ticket.TicketStatus;
import org.partnerdesk.ticket.Tickets;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * UI-1 agent console: the views of TKT-5 with their counts, one view's tickets most urgent SLA first (or by id) in
 * keyset pages, and a bulk update of status, group or assignee that goes through {@link Tickets#update} ticket by ticket.
 */
@ConsolePage
class QueuePage {

    /** A page a person scans; the API's 100 is for scripts. */
    private static final int PAGE_SIZE = 50;
    private static final int MOST_ASSIGNEES = 500;

    private final TicketQueues queues;
    private final Tickets tickets;
    private final TicketForms forms;
    private final Users users;
    private final Organizations organizations;
    private final Groups groups;
    private final Clock clock;

    QueuePage(TicketQueues queues, Tickets tickets, TicketForms forms, Users users, Organizations organizations, Groups groups,
              Clock clock) {
        this.queues = queues;
        this.tickets = tickets;
        this.forms = forms;
        this.users = users;
        this.organizations = organizations;
        this.groups = groups;
        this.clock = clock;
    }

    @GetMapping("/agent")
    String queue(Actor actor, @RequestParam(required = false) @Nullable String view, @RequestParam(required = false) @Nullable String sort,
                 HttpServletRequest request, Model model) {
        actor.requireStaff();
        AgentView chosen = view(view);
        TicketQueue.Order order = order(sort);
        KeysetRequest asked = KeysetRequest.from(request);
        KeysetRequest page = new KeysetRequest(request.getParameter("page[size]") == null ? PAGE_SIZE : asked.size(), asked.after());
        CursorPage<QueuedTicket> found = queues.page(actor, queues.view(actor, chosen, order), page);
        model.addAttribute("view", chosen);
        model.addAttribute("sort", order == TicketQueue.Order.ID ? "id" : "sla_due");
        model.addAttribute("counts", ViewCount.of(queues.counts(actor)));
        model.addAttribute("views", AgentView.values());
        model.addAttribute("rows", rows(found.items()));
        model.addAttribute("nextPage", found.hasMore() ? address(chosen, order, found.afterCursor()) : null);
        model.addAttribute("firstPage", asked.after() == null ? null : address(chosen, order, null));
        model.addAttribute("statuses", List.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD, TicketStatus.SOLVED,
                TicketStatus.CLOSED));
        model.addAttribute("groups", groups.page(actor, new PageRequest(PageRequest.MAX_SIZE, 0)).items());
        model.addAttribute("assignees", users.staff(actor, MOST_ASSIGNEES));
        return "ticket/queue";
    }

    /** The sidebar alone, which htmx refreshes every 30 s and on a live "ticket changed" event. */
    @GetMapping("/agent/queue-counts")
    String counts(Actor actor, @RequestParam(required = false) @Nullable String view, Model model) {
        model.addAttribute("view", view(view));
        model.addAttribute("counts", ViewCount.of(queues.counts(actor)));
        model.addAttribute("views", AgentView.values());
        return "ticket/queue :: views";
    }

    /** UI-1 bulk update: each selected ticket through the same facade and rules as one at a time; refusals are listed, not hidden. */
    @PostMapping("/agent/bulk-update")
    String bulkUpdate(Actor actor, @RequestParam(name = "ticket", required = false) @Nullable List<Long> selected,
                      @RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable Long group,
                      @RequestParam(required = false) @Nullable Long assignee, @RequestParam(required = false) @Nullable String view,
                      @RequestParam(required = false) @Nullable String sort, RedirectAttributes redirect) {
        actor.requireStaff();
        String back = "redirect:" + address(view(view), order(sort), null);
        TicketChange change = TicketChange.fields().settingStatus(status(status)).settingGroup(group).assigningTo(assignee);
        if (selected == null || selected.isEmpty()) {
            redirect.addFlashAttribute("flash", "Select at least one ticket to update.");
            return back;
        }
        if (change.status() == null && group == null && assignee == null) {
            redirect.addFlashAttribute("flash", "Choose a status, group or assignee to set on the selected tickets.");
            return back;
        }
        int updated = 0;
        List<String> refusals = new ArrayList<>();
        for (long id : new LinkedHashSet<>(selected)) {
            try {
                tickets.update(actor, id, change);
                updated++;
            } catch (ApiException refused) {
                refusals.add("#" + id + " not updated: " + refused.description());
            }
        }
        String done = updated + (updated == 1 ? " ticket updated" : " tickets updated");
        redirect.addFlashAttribute("flash", refusals.isEmpty() ? done : done + ". " + String.join(" ", refusals));
        return back;
    }

    // one query each for the requesters and submitters, and for their organizations: no lookup per row
    private List<QueueRow> rows(List<QueuedTicket> page) {
        Set<Long> userIds = new HashSet<>();
        for (QueuedTicket queued : page) {
            userIds.add(queued.ticket().requesterId());
            userIds.add(queued.ticket().submitterId());
        }
        Map<Long, User> people = byId(users.findAll(userIds), User::id);
        Set<Long> organizationIds = new HashSet<>();
        for (QueuedTicket queued : page) {
            addIfAny(organizationIds, queued.ticket().organizationId());
            User submitter = people.get(queued.ticket().submitterId());
            addIfAny(organizationIds, submitter == null ? null : submitter.organizationId());
        }
        Map<Long, Organization> orgs = byId(organizations.findAll(List.copyOf(organizationIds)), Organization::id);
        Instant now = clock.instant();
        return page.stream().map(queued -> row(queued, people, orgs, now)).toList();
    }

    private QueueRow row(QueuedTicket queued, Map<Long, User> people, Map<Long, Organization> orgs, Instant now) {
        Ticket ticket = queued.ticket();
        User requester = people.get(ticket.requesterId());
        User submitter = people.get(ticket.submitterId());
        Organization organization = ticket.organizationId() == null ? null : orgs.get(ticket.organizationId());
        // the partner is the submitter's organization when it is a partner (ENT-1..6), as the queue's partner filter reads it
        Organization submitters = submitter == null || submitter.organizationId() == null ? null : orgs.get(submitter.organizationId());
        // flags in the words of the sidebar's views, which wrap in a narrow column where codes did not
        List<String> flags = new ArrayList<>(ticket.entitlement().flags().stream().map(flag -> TraceInWords.flag(flag).label()).toList());
        if (queued.isStarred()) {
            flags.add("STAR");
        }
        return new QueueRow(ticket.id(), ticket.subject(), ComposerForm.label(ticket.status().code()), SlaBadge.of(queued.slaDueAt(), now),
                requester == null ? null : requester.name(), requester == null ? null : requester.email(),
                organization == null ? null : organization.name(),
                submitters != null && submitters.isPartner() ? submitters.name() : null,
                forms.form(ticket.formId()).map(TicketForm::name).orElse(null), ticket.priorityCode(), flags);
    }

    private static void addIfAny(Set<Long> ids, @Nullable Long id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** The view's own address, which people bookmark: {@code /agent?view=mine}. */
    static String address(AgentView view, TicketQueue.Order order, @Nullable String after) {
        var address = UriComponentsBuilder.fromPath("/agent").queryParam("view", view.code());
        if (order == TicketQueue.Order.ID) {
            address.queryParam("sort", "id");
        }
        if (after != null) {
            address.queryParam("page[after]", after);
        }
        return address.encode().build().toUriString();
    }

    private static AgentView view(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return AgentView.NEW_AND_OPEN;
        }
        return AgentView.of(code.strip()).orElseThrow(() -> ApiException.badRequest("InvalidParameter", "There is no view \"" + code
                + "\"; the views are " + String.join(", ", Arrays.stream(AgentView.values()).map(AgentView::code).toList()) + "."));
    }

    private static TicketQueue.Order order(@Nullable String sort) {
        if (sort == null || sort.isBlank() || sort.equals("sla_due")) {
            return TicketQueue.Order.SLA_DUE;
        }
        if (sort.equals("id")) {
            return TicketQueue.Order.ID;
        }
        throw ApiException.badRequest("InvalidParameter", "sort takes sla_due or id, not \"" + sort + "\".");
    }

    private static @Nullable TicketStatus status(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.of(code.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("InvalidParameter", "There is no status \"" + code + "\".");
        }
    }
}
