package org.partnerdesk.ticket.ui;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.partnerdesk.directory.Group;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.Organizations;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.ticket.Audit;
import org.partnerdesk.ticket.Comment;
import org.partnerdesk.ticket.CommentFiles;
import org.partnerdesk.ticket.CommentUploads;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketChange;
import org.partnerdesk.ticket.TicketChangedMeanwhile;
import org.partnerdesk.ticket.TicketConversation;
import org.partnerdesk.ticket.TicketForm;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.TicketPagePart;
import org.partnerdesk.ticket.TicketPriority;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * UI-1 agent console: one ticket, its conversation, composer and properties, with the parts other modules add. Every save
 * goes through {@link Tickets#update} with the {@code updated_at} the page was loaded with, so the page refuses what the
 * API refuses to the same agent, and a ticket changed meanwhile is shown, never overwritten.
 */
@ConsolePage
class TicketPage {

    private static final int COMMENTS_PER_PAGE = 100;
    private static final int HISTORY_SHOWN = 100;
    private static final int MAX_BODY = 65_536;

    private final Tickets tickets;
    private final CommentUploads attachments;
    private final java.util.Optional<CommentFiles> files; // the attachment module's; absent in a ticket-only module test
    private final Users users;
    private final Organizations organizations;
    private final Groups groups;
    private final TicketForms forms;
    private final NextTicket next;
    private final List<TicketPagePart> parts;
    private final String maxAttachment;

    TicketPage(Tickets tickets, CommentUploads attachments, java.util.Optional<CommentFiles> files, Users users, Organizations organizations, Groups groups,
               TicketForms forms, NextTicket next, List<TicketPagePart> parts,
               @Value("${partnerdesk.attachments.max-size}") DataSize maxAttachment) {
        this.maxAttachment = maxAttachment.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0
                ? maxAttachment.toMegabytes() + " MB" : maxAttachment.toBytes() + " bytes";
        this.tickets = tickets;
        this.attachments = attachments;
        this.files = files;
        this.users = users;
        this.organizations = organizations;
        this.groups = groups;
        this.forms = forms;
        this.next = next;
        this.parts = parts.stream().sorted(Comparator.comparingInt(TicketPagePart::order)).toList();
    }

    @GetMapping("/agent/tickets/{id}")
    String ticket(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String view,
                  @RequestParam(defaultValue = "0") long after, Model model) {
        actor.requireStaff();
        Ticket ticket = tickets.find(actor, id);
        return show(actor, ticket, NextTicket.known(view), after, ComposerForm.blank(ticket.updatedAt().toString()),
                PropertiesForm.of(ticket), model);
    }

    /** The composer: a public reply or internal note, submitted as a status (TKT-1), with files (FILE-1); then the next ticket. */
    @PostMapping("/agent/tickets/{id}")
    String submit(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String view,
                  @RequestParam(defaultValue = "public") String kind, @RequestParam(defaultValue = "") String body,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String updatedAt,
                  @RequestParam(name = "uploads", required = false) @Nullable List<String> uploads,
                  @RequestParam(name = "uploadNames", required = false) @Nullable List<String> uploadNames,
                  @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> sent,
                  @RequestParam(defaultValue = "false") boolean stay, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireStaff();
        Ticket ticket = tickets.find(actor, id);
        String shownView = NextTicket.known(view);
        ComposerForm form = new ComposerForm("internal".equals(kind) ? "internal" : "public", body,
                ComposerForm.STATUSES.contains(status) ? status : "", listOf(uploads), listOf(uploadNames), stay, updatedAt);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!status.isEmpty() && !ComposerForm.STATUSES.contains(status)) {
            errors.put("status", "Choose one of the statuses listed.");
        }
        if (body.isBlank() && form.status().isEmpty()) {
            errors.put("body", "Write a message, or choose a status to submit as.");
        } else if (body.isBlank() && !form.uploads().isEmpty() || body.isBlank() && SentFiles.any(sent)) {
            errors.put("body", "Write a message to go with the files.");
        } else if (body.length() > MAX_BODY) {
            errors.put("body", "The message is longer than " + MAX_BODY + " characters.");
        }
        if (!errors.isEmpty()) {
            return refused(actor, ticket, shownView, form, PropertiesForm.of(ticket), errors, 422, model, response);
        }
        try {
            SentFiles stored = SentFiles.store(files, actor, form.uploads(), form.uploadNames(), sent);
            form = form.keeping(stored.tokens(), stored.names());
            TicketChange change = form.body().isBlank() ? TicketChange.fields()
                    : TicketChange.fields().withComment(new TicketChange.Comment(form.body(), !form.isInternal(), form.uploads()));
            tickets.update(actor, id, change.settingStatus(form.statusAsked()).expecting(loadedAt(updatedAt)));
        } catch (TicketChangedMeanwhile e) {
            return changedMeanwhile(actor, id, shownView, updatedAt, form, null, model, response);
        } catch (ApiException e) {
            return refused(actor, ticket, shownView, form, PropertiesForm.of(ticket), fieldErrors(e, false), e.status(), model, response);
        }
        redirect.addFlashAttribute("flash", "Ticket #" + id + " updated");
        if (stay) {
            return "redirect:" + UriComponentsBuilder.fromPath("/agent/tickets/{id}").queryParam("view", shownView).buildAndExpand(id).toUriString();
        }
        return next.after(actor, shownView, id)
                .map(nextId -> "redirect:" + UriComponentsBuilder.fromPath("/agent/tickets/{id}").queryParam("view", shownView)
                        .buildAndExpand(nextId).toUriString())
                .orElse("redirect:/agent");
    }

    /** The properties: priority (TKT-3 asks for the public explanation), group, assignee, tags and CCs (TKT-2). */
    @PostMapping("/agent/tickets/{id}/properties")
    String saveProperties(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String view,
                          @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String explanation,
                          @RequestParam(defaultValue = "") String groupId, @RequestParam(defaultValue = "") String assigneeId,
                          @RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String addCc,
                          @RequestParam(defaultValue = "") String ccReason,
                          @RequestParam(name = "removeCc", required = false) @Nullable List<String> removeCc,
                          @RequestParam(defaultValue = "") String updatedAt,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireStaff();
        Ticket ticket = tickets.find(actor, id);
        String shownView = NextTicket.known(view);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Long> removed = ids(removeCc, "removeCc", errors);
        PropertiesForm form = new PropertiesForm(priority, explanation, groupId, assigneeId, tags, addCc, ccReason, removed, updatedAt);
        TicketChange change = propertiesChange(ticket, form, errors);
        if (!errors.isEmpty()) {
            return refused(actor, ticket, shownView, ComposerForm.blank(updatedAt), form, errors, 422, model, response);
        }
        try {
            tickets.update(actor, id, change.expecting(loadedAt(updatedAt)));
        } catch (TicketChangedMeanwhile e) {
            return changedMeanwhile(actor, id, shownView, updatedAt, null, form, model, response);
        } catch (ApiException e) {
            return refused(actor, ticket, shownView, ComposerForm.blank(updatedAt), form, fieldErrors(e, true), e.status(), model, response);
        }
        redirect.addFlashAttribute("flash", "Ticket #" + id + " updated");
        return "redirect:" + UriComponentsBuilder.fromPath("/agent/tickets/{id}").queryParam("view", shownView).buildAndExpand(id).toUriString();
    }

    // only what the agent changed is sent, so an untouched select never trips a rule (TKT-3) or hides a colleague's change
    private TicketChange propertiesChange(Ticket ticket, PropertiesForm form, Map<String, String> errors) {
        TicketChange change = TicketChange.fields();
        String current = ticket.priority() == null ? "" : ticket.priority().code();
        if (!form.priority().equals(current)) {
            if (!TicketPriority.codes().contains(form.priority())) {
                errors.put("priority", "Choose one of the priorities listed.");
            } else {
                change = change.settingPriority(TicketPriority.of(form.priority()));
                if (!form.explanation().isBlank()) { // TKT-3: the explanation is the public reply the customer reads
                    change = change.withComment(TicketChange.Comment.publicReply(form.explanation().strip()));
                }
            }
        }
        Long group = id(form.groupId(), "group", errors);
        if (group != null && !group.equals(ticket.groupId())) {
            change = change.settingGroup(group);
        }
        Long assignee = id(form.assigneeId(), "assignee", errors);
        if (assignee != null && !assignee.equals(ticket.assigneeId())) {
            change = change.assigningTo(assignee);
        }
        List<String> tags = List.of(form.tags().strip().split("[\\s,]+")).stream().filter(t -> !t.isEmpty()).distinct().toList();
        if (tags.size() > 50 || tags.stream().anyMatch(t -> t.length() > 80)) {
            errors.put("tags", "At most 50 tags of at most 80 characters each.");
        } else if (!tags.equals(ticket.tags())) {
            change = change.settingTags(tags);
        }
        List<TicketChange.CcChange> ccs = new ArrayList<>();
        form.removeCc().forEach(ccId -> ccs.add(new TicketChange.CcChange(ccId, null, true)));
        if (!form.addCc().isBlank()) {
            EmailAddress.normalized(form.addCc()).ifPresentOrElse(email -> ccs.add(new TicketChange.CcChange(null, email, false)),
                    () -> errors.put("addCc", form.addCc().strip() + " is not an e-mail address."));
        }
        if (!ccs.isEmpty()) {
            change = change.changingCcs(ccs).because(form.ccReason().isBlank() ? null : form.ccReason().strip());
        }
        return change;
    }

    // UI-1 collision: nothing was saved; the page shows the ticket as it is now, what changed, and keeps what the agent wrote
    private String changedMeanwhile(Actor actor, long id, String view, String loadedAt, @Nullable ComposerForm composer,
                                    @Nullable PropertiesForm properties, Model model, HttpServletResponse response) {
        Ticket now = tickets.find(actor, id);
        Instant since = loadedAt(loadedAt);
        List<Audit> changes = since == null ? List.of() : tickets.changesSince(actor, id, since);
        model.addAttribute("changes", changes);
        String fresh = now.updatedAt().toString();
        ComposerForm keptComposer = composer != null ? composer.loadedAt(fresh) : ComposerForm.blank(fresh);
        PropertiesForm keptProperties = properties != null ? properties.loadedAt(fresh) : PropertiesForm.of(now);
        response.setStatus(409);
        return show(actor, now, view, 0, keptComposer, keptProperties, model);
    }

    private String refused(Actor actor, Ticket ticket, String view, ComposerForm composer, PropertiesForm properties,
                           Map<String, String> errors, int status, Model model, HttpServletResponse response) {
        model.addAttribute("errors", errors);
        response.setStatus(status);
        return show(actor, ticket, view, 0, composer, properties, model);
    }

    private String show(Actor actor, Ticket ticket, String view, long after, ComposerForm composer, PropertiesForm properties, Model model) {
        TicketConversation conversation = tickets.conversation(actor, ticket, new PageRequest(COMMENTS_PER_PAGE, Math.max(0, after)),
                new PageRequest(HISTORY_SHOWN, 0));
        CursorPage<Comment> comments = conversation.comments();
        CursorPage<Audit> audits = conversation.history();
        @SuppressWarnings("unchecked")
        List<Audit> changes = model.getAttribute("changes") instanceof List<?> list ? (List<Audit>) list : List.of();
        Map<Long, List<CommentUploads.CommentAttachment>> files = attachments.attachmentsOf(comments.items().stream().map(Comment::id).toList());
        List<User> assignable = ticket.groupId() != null ? groups.members(ticket.groupId()) : List.of();
        Map<Long, User> people = people(ticket, comments.items(), audits.items(), changes, assignable);
        model.addAttribute("ticket", ticket);
        model.addAttribute("view", view);
        model.addAttribute("entries", comments.items().stream().map(c -> ConversationEntry.of(c, people.get(c.authorId()),
                files.getOrDefault(c.id(), List.of()))).toList());
        model.addAttribute("after", after);
        model.addAttribute("laterAfter", comments.hasMore() ? comments.items().getLast().id() : null);
        model.addAttribute("history", audits.items().stream().map(a -> HistoryEntry.of(a, people.get(a.authorId()))).toList());
        model.addAttribute("historyHasMore", audits.hasMore());
        model.addAttribute("changeEntries", changes.stream().map(a -> HistoryEntry.of(a, people.get(a.authorId()))).toList());
        model.addAttribute("requester", people.get(ticket.requesterId()));
        model.addAttribute("organization", ticket.organizationId() == null ? null : organizations.find(ticket.organizationId()).orElse(null));
        model.addAttribute("formName", forms.form(ticket.formId()).map(TicketForm::name).orElse("form " + ticket.formId()));
        model.addAttribute("ccs", ticket.collaboratorIds().stream().map(people::get).filter(Objects::nonNull).toList());
        model.addAttribute("groups", groups.page(actor, new PageRequest(PageRequest.MAX_SIZE, 0)).items());
        model.addAttribute("assignees", assignees(actor, ticket, assignable, people));
        model.addAttribute("priorities", TicketPriority.codes().reversed());
        model.addAttribute("statuses", ComposerForm.STATUSES);
        model.addAttribute("maxAttachment", maxAttachment);
        model.addAttribute("composer", composer);
        model.addAttribute("properties", properties);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("parts", rendered(actor, ticket));
        return "ticket/ticket";
    }

    // UI-1 budget: every person the page names (authors, requester, CCs, assignees) in one query
    private Map<Long, User> people(Ticket ticket, List<Comment> comments, List<Audit> audits, List<Audit> changes, List<User> assignable) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(ticket.requesterId());
        if (ticket.assigneeId() != null) {
            ids.add(ticket.assigneeId());
        }
        ids.addAll(ticket.collaboratorIds());
        comments.forEach(c -> ids.add(c.authorId()));
        audits.forEach(a -> ids.add(a.authorId()));
        changes.forEach(a -> ids.add(a.authorId()));
        assignable.forEach(u -> ids.remove(u.id()));
        Map<Long, User> byId = new LinkedHashMap<>(users.findAll(ids).stream().collect(Collectors.toMap(User::id, Function.identity())));
        assignable.forEach(u -> byId.put(u.id(), u));
        return byId;
    }

    /** The group's members, the current assignee and the agent themself, each once. */
    private static List<User> assignees(Actor actor, Ticket ticket, List<User> assignable, Map<Long, User> people) {
        Map<Long, User> options = new LinkedHashMap<>();
        assignable.stream().filter(u -> u.role().isStaff() && u.active()).forEach(u -> options.put(u.id(), u));
        if (ticket.assigneeId() != null && people.containsKey(ticket.assigneeId())) {
            options.putIfAbsent(ticket.assigneeId(), people.get(ticket.assigneeId()));
        }
        return List.copyOf(options.values());
    }

    private Map<TicketPagePart.Slot, List<TicketPagePart.Rendered>> rendered(Actor actor, Ticket ticket) {
        Map<TicketPagePart.Slot, List<TicketPagePart.Rendered>> bySlot = new EnumMap<>(TicketPagePart.Slot.class);
        for (TicketPagePart.Slot slot : TicketPagePart.Slot.values()) {
            bySlot.put(slot, parts.stream().filter(part -> part.slot() == slot)
                    .flatMap(part -> part.render(actor, ticket).stream()).toList());
        }
        return bySlot;
    }

    /** The {@code updated_at} the page was loaded with; a missing or unreadable one cannot vouch for the copy. */
    private static @Nullable Instant loadedAt(String updatedAt) {
        if (updatedAt.isBlank()) {
            throw ApiException.badRequest("InvalidParameter", "This form was not sent from the ticket page; reload the ticket and try again.");
        }
        try {
            return Instant.parse(updatedAt.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("InvalidParameter", "This form was not sent from the ticket page; reload the ticket and try again.");
        }
    }

    private static @Nullable Long id(String text, String field, Map<String, String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "Choose one of the options listed.");
            return null;
        }
    }

    private static List<Long> ids(@Nullable List<String> texts, String field, Map<String, String> errors) {
        List<Long> ids = new ArrayList<>();
        for (String text : listOf(texts)) {
            Long id = id(text, field, errors);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<String> listOf(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
    }

    /** A refusal's words next to the field they are about; what no field holds goes above the forms. */
    private static Map<String, String> fieldErrors(ApiException e, boolean properties) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (e.status() == 413) {
            byField.put("files", e.description()); // FILE-1: the refusal names the limit and points to the Support Uploader
            return byField;
        }
        e.details().forEach((field, problems) -> byField.merge(formField(field, properties), sentences(problems), (a, b) -> a + " " + b));
        if (byField.isEmpty()) {
            byField.put("base", e.description());
        }
        return byField;
    }

    private static String formField(String apiField, boolean properties) {
        return switch (apiField) {
            case "comment", "comment.body", "comment.public", "body" -> properties ? "explanation" : "body";
            case "status" -> "status";
            case "uploads", "file", "token" -> "files";
            case "priority" -> "priority";
            case "group_id" -> "group";
            case "assignee_id" -> "assignee";
            case "tags" -> "tags";
            case "email_ccs", "collaborators", "collaborator_ids", "cc_reason" -> "addCc";
            default -> "base";
        };
    }

    // the rule's words as a sentence, with its id (TKT-2, TKT-3) where a rule refused
    private static String sentences(List<ApiException.FieldError> problems) {
        return problems.stream().map(p -> {
            String text = Character.toUpperCase(p.description().charAt(0)) + p.description().substring(1);
            return p.error().matches("[A-Z]+-\\d+") ? text + " (" + p.error() + ")." : text + ".";
        }).collect(Collectors.joining(" "));
    }
}
