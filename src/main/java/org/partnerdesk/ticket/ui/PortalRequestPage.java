package org.partnerdesk.ticket.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.EmailAddress;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.console.ConsolePage;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.Comment;
import org.partnerdesk.ticket.CommentFiles;
import org.partnerdesk.ticket.CommentUploads;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketStatus;
import org.partnerdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * UI-1 portal: one request at the address people bookmark, {@code /portal/requests/{id}}. It opens only for those the API's
 * ticket show opens for (another's request answers as missing, API-2) and shows the public conversation only (TKT-1): internal
 * notes, the alliance channel and special processes are the agents'. Reply, CCs (TKT-2) and "Mark as solved" go through
 * {@link Tickets#update} as the API's end-user PUT does, so the page refuses what the API refuses.
 */
@ConsolePage
class PortalRequestPage {

    private static final int COMMENTS_PER_PAGE = 100;
    private static final int MAX_BODY = 65_536;
    private static final Set<TicketStatus> SOLVABLE = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD);

    private final Tickets tickets;
    private final CommentUploads attachments;
    private final Optional<CommentFiles> files; // the attachment module's; absent in a ticket-only module test
    private final Users users;
    private final Organizations organizations;
    private final String maxAttachment;

    PortalRequestPage(Tickets tickets, CommentUploads attachments, Optional<CommentFiles> files, Users users,
                      Organizations organizations, @Value("${partnerdesk.attachments.max-size}") DataSize maxAttachment) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.files = files;
        this.users = users;
        this.organizations = organizations;
        this.maxAttachment = maxAttachment.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0
                ? maxAttachment.toMegabytes() + " MB" : maxAttachment.toBytes() + " bytes";
    }

    /** A reply as the person wrote it, with the upload tokens of files already stored for it; kept whole on a refusal. */
    record ReplyForm(String body, List<String> uploads, List<String> uploadNames) {

        ReplyForm {
            uploads = List.copyOf(uploads);
            uploadNames = List.copyOf(uploadNames);
        }

        static ReplyForm blank() {
            return new ReplyForm("", List.of(), List.of());
        }
    }

    @GetMapping("/portal/requests/{id:\\d+}")
    String request(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") long after, Model model) {
        return show(actor, tickets.find(actor, id), after, ReplyForm.blank(), "", Map.of(), model);
    }

    /** A public reply with files (FILE-1); a requester's reply reopens a pending or solved request (TKT-1). */
    @PostMapping("/portal/requests/{id:\\d+}")
    String reply(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String body,
                 @RequestParam(name = "uploads", required = false) @Nullable List<String> uploads,
                 @RequestParam(name = "uploadNames", required = false) @Nullable List<String> uploadNames,
                 @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> sent,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Ticket ticket = tickets.find(actor, id);
        ReplyForm form = new ReplyForm(body, listOf(uploads), listOf(uploadNames));
        if (body.isBlank()) {
            return refused(actor, ticket, form, "", Map.of("body", "Write a message" + (SentFiles.any(sent) ? " to go with the files." : ".")),
                    422, model, response);
        }
        if (body.length() > MAX_BODY) {
            return refused(actor, ticket, form, "", Map.of("body", "The message is longer than " + MAX_BODY + " characters."), 422,
                    model, response);
        }
        try {
            SentFiles stored = SentFiles.store(files, actor, form.uploads(), form.uploadNames(), sent);
            form = new ReplyForm(form.body(), stored.tokens(), stored.names());
            tickets.update(actor, id, TicketChange.reply(form.body(), form.uploads()));
        } catch (ApiException e) {
            return refused(actor, ticket, form, "", Map.of(e.status() == 413 ? "files" : "body", e.description()), e.status(), model,
                    response);
        }
        redirect.addFlashAttribute("flash", "Your reply was sent.");
        return "redirect:/portal/requests/" + id;
    }

    /** TKT-2: the requester and the partner who filed it add and remove CCs; anyone else is told why not. */
    @PostMapping("/portal/requests/{id:\\d+}/ccs")
    String ccs(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String addCc,
               @RequestParam(name = "removeCc", required = false) @Nullable List<String> removeCc,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Ticket ticket = tickets.find(actor, id);
        List<TicketChange.CcChange> changes = new ArrayList<>();
        for (String text : listOf(removeCc)) {
            try {
                changes.add(new TicketChange.CcChange(Long.parseLong(text.strip()), null, true));
            } catch (NumberFormatException e) {
                return refused(actor, ticket, ReplyForm.blank(), addCc, Map.of("addCc", "Choose among the people listed."), 422, model,
                        response);
            }
        }
        if (!addCc.isBlank()) {
            Optional<String> email = EmailAddress.normalized(addCc);
            if (email.isEmpty()) {
                return refused(actor, ticket, ReplyForm.blank(), addCc, Map.of("addCc", addCc.strip() + " is not an e-mail address."),
                        422, model, response);
            }
            changes.add(new TicketChange.CcChange(null, email.get(), false));
        }
        if (changes.isEmpty()) {
            return refused(actor, ticket, ReplyForm.blank(), addCc, Map.of("addCc", "Give an e-mail address to add, or tick someone to remove."),
                    422, model, response);
        }
        try {
            tickets.update(actor, id, TicketChange.fields().changingCcs(changes));
        } catch (ApiException e) {
            return refused(actor, ticket, ReplyForm.blank(), addCc, Map.of("addCc", words(e)), e.status(), model, response);
        }
        redirect.addFlashAttribute("flash", "The CCs were updated.");
        return "redirect:/portal/requests/" + id;
    }

    /** TKT-1: the requester, or the partner who filed it, closes the question themselves. */
    @PostMapping("/portal/requests/{id:\\d+}/solve")
    String solve(Actor actor, @PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Ticket ticket = tickets.find(actor, id);
        try {
            tickets.update(actor, id, TicketChange.fields().settingStatus(TicketStatus.SOLVED));
        } catch (ApiException e) {
            return refused(actor, ticket, ReplyForm.blank(), "", Map.of("base", words(e)), e.status(), model, response);
        }
        redirect.addFlashAttribute("flash", "The request is marked as solved. A reply from you opens it again.");
        return "redirect:/portal/requests/" + id;
    }

    private String refused(Actor actor, Ticket ticket, ReplyForm form, String addCc, Map<String, String> errors, int status, Model model,
                           HttpServletResponse response) {
        response.setStatus(status);
        return show(actor, ticket, 0, form, addCc, errors, model);
    }

    private String show(Actor actor, Ticket ticket, long after, ReplyForm form, String addCc, Map<String, String> errors, Model model) {
        CursorPage<Comment> comments = tickets.publicComments(actor, ticket.id(), new PageRequest(COMMENTS_PER_PAGE, Math.max(0, after)));
        Map<Long, List<CommentUploads.CommentAttachment>> attached = attachments.attachmentsOf(comments.items().stream().map(Comment::id).toList());
        Map<Long, User> people = people(ticket, comments.items());
        model.addAttribute("ticket", ticket);
        model.addAttribute("status", RequestStatus.words(ticket.status()));
        model.addAttribute("entries", comments.items().stream().map(c -> ConversationEntry.of(c, people.get(c.authorId()),
                attached.getOrDefault(c.id(), List.of()))).toList());
        model.addAttribute("after", after);
        model.addAttribute("laterAfter", comments.hasMore() ? comments.items().getLast().id() : null);
        model.addAttribute("requester", RequestNames.name(people.get(ticket.requesterId()), ticket.requesterId()));
        model.addAttribute("submitter", ticket.submitterId() == ticket.requesterId() ? null
                : RequestNames.name(people.get(ticket.submitterId()), ticket.submitterId()));
        model.addAttribute("organization", ticket.organizationId() == null ? null
                : organizations.find(ticket.organizationId()).map(o -> o.name()).orElse(null));
        model.addAttribute("ccs", ticket.collaboratorIds().stream().map(people::get).filter(Objects::nonNull).toList());
        model.addAttribute("mayChangeCcs", tickets.mayAddCcs(actor, ticket));
        model.addAttribute("maySolve", tickets.mayMarkSolved(actor, ticket) && SOLVABLE.contains(ticket.status()));
        model.addAttribute("closed", ticket.isClosed());
        model.addAttribute("maxAttachment", maxAttachment);
        model.addAttribute("reply", form);
        model.addAttribute("addCc", addCc);
        model.addAttribute("errors", errors);
        return "ticket/portal-request";
    }

    // UI-1 budget: the requester, the submitter, the CCs and the authors in one query
    private Map<Long, User> people(Ticket ticket, List<Comment> comments) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(ticket.requesterId());
        ids.add(ticket.submitterId());
        ids.addAll(ticket.collaboratorIds());
        comments.forEach(c -> ids.add(c.authorId()));
        return users.findAll(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
    }

    private static List<String> listOf(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
    }

    // a refusal in the rule's words: the field problems when the API names them, else its description
    private static String words(ApiException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        e.details().forEach((field, problems) -> problems.forEach(p -> byField.merge(field,
                Character.toUpperCase(p.description().charAt(0)) + p.description().substring(1)
                        + (p.error().matches("[A-Z]+-\\d+") ? " (" + p.error() + ")." : "."), (a, b) -> a + " " + b)));
        return byField.isEmpty() ? e.description() : String.join(" ", byField.values());
    }
}
