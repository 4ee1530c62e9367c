package org.partnerdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.entitlement.Entitlement;
import org.partnerdesk.entitlement.Form;
import org.partnerdesk.sla.Slas;
import org.partnerdesk.ticket.Ticket.StoredDecision;
import org.partnerdesk.ticket.persistence.StoredConversation;
import org.partnerdesk.ticket.persistence.StoredTickets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ticket module's face: open, change and read tickets; each write decides and audits in one transaction. */
@Service
public class Tickets {

    static final String DESK_EMAIL = "desk@partnerdesk.invalid";

    private final StoredTickets stored;
    private final StoredConversation conversation;
    private final TicketDecisions decisions;
    private final TicketForms forms;
    private final Users users;
    private final ApplicationEventPublisher publisher;
    private final TicketCcs ccs;
    private final Slas slas;
    private final CommentUploads uploads;
    private final long deskUserId;
    private final Map<Long, IntakeRouting> routings;
    private final Clock clock;
    private final TicketPreviews previews;

    Tickets(StoredTickets stored, StoredConversation conversation, TicketDecisions decisions, TicketForms forms, Users users,
            ApplicationEventPublisher publisher, TicketCcs ccs, Slas slas, CommentUploads uploads, List<IntakeRouting> routings,
            Clock clock, TicketPreviews previews) {
        this.clock = clock;
        this.previews = previews;
        this.slas = slas;
        this.uploads = uploads;
        this.routings = routings.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(IntakeRouting::formId, r -> r));
        this.publisher = publisher;
        this.ccs = ccs;
        this.stored = stored;
        this.conversation = conversation;
        this.decisions = decisions;
        this.forms = forms;
        this.users = users;
        this.deskUserId = users.findByEmail(DESK_EMAIL).map(User::id)
                .orElseThrow(() -> new IllegalStateException("the desk's own user is missing (migration V11)"));
    }

    @Transactional
    public Ticket create(Actor actor, NewTicket request) {
        TicketForm form = checkMayOpen(actor, request);
        long decidedFor = requesterFor(actor, request.requesterId());
        // TKT-2: the CCs of a new ticket are the submitter's, by the same rule as a PUT's, before anyone is provisioned
        String ccReason = request.namesCcs() ? ccs.addition(actor, decidedFor, actor.userId(), request.ccReason()).reasonOrRefuse() : null;
        Copied copied = copied(request);
        Map<Long, Object> fields = filledFields(request);
        StoredDecision decision = decisions.decide(decidedFor, form.id(), fields, request.subject(), request.body(), copied.emails());
        IntakeRouting routing = routings.get(form.id());
        IntakeRouting.Route route = routing == null ? null : routing.route(fields);
        Ticket draft = Ticket.opened(request, actor.userId(), fields, copied.ids(), route == null ? null : route.groupId(), decision,
                clock.instant());
        Ticket ticket = stored.insert(draft, actor.userId(), request.body(), draft.openingEvents(route, ccReason));
        announce(actor, request, ticket);
        if (route != null && route.answer() != null) {
            return update(deskActor(), ticket.id(), TicketChange.reply(route.answer()).settingStatus(TicketStatus.SOLVED));
        }
        return ticket;
    }

    /**
     * Issue #15, SPEC 2 dry run: the decision {@link #create} would make for this request, refused as create refuses it
     * (TKT-1, TKT-2, the form, the requester, CCs and upload tokens), with nothing stored: no ticket, audit, outbox entry,
     * SLA clock, nor a user provisioned for an unknown CC. Read-only, so a write slipping in here fails loudly.
     */
    @Transactional(readOnly = true)
    public TicketPreview preview(Actor actor, NewTicket request) {
        TicketForm form = checkMayOpen(actor, request);
        long decidedFor = requesterFor(actor, request.requesterId());
        if (request.namesCcs()) {
            ccs.addition(actor, decidedFor, actor.userId(), request.ccReason()).reasonOrRefuse(); // TKT-2
        }
        List<String> ccEmails = copiedEmails(request);
        if (!request.uploads().isEmpty()) {
            uploads.checkClaimable(request.uploads(), actor.userId()); // FILE-1
        }
        return previews.of(decisions.decideWithFacts(decidedFor, form.id(), filledFields(request), request.subject(), request.body(),
                ccEmails), request.priority());
    }

    // TKT-1 and the form: what intake refuses before it looks at anyone
    private TicketForm checkMayOpen(Actor actor, NewTicket request) {
        checkMayWrite(actor, request.isPublic());
        return forms.form(request.formId()).filter(TicketForm::active).orElseThrow(() ->
                ApiException.invalid("ticket_form_id", "not_found", "names no ticket form (" + request.formId() + ")"));
    }

    private static Map<Long, Object> filledFields(NewTicket request) {
        Map<Long, Object> fields = new LinkedHashMap<>(request.customFields());
        fields.values().removeIf(value -> value == null || "".equals(value));
        return fields;
    }

    /** The people a new ticket copies, by id and by e-mail (the decision reads the e-mails, TKT-2). */
    private record Copied(List<Long> ids, List<String> emails) {
    }

    private Copied copied(NewTicket request) {
        List<Long> ccIds = new ArrayList<>(request.ccUserIds());
        List<String> ccEmails = copiedEmails(request);
        for (String email : request.ccEmails()) {
            ccIds.add(userWithEmail(email).id());
        }
        return new Copied(ccIds, ccEmails);
    }

    // the CC e-mails the decision reads (ENT-6): those given, then those of the users named by id, who must exist
    private List<String> copiedEmails(NewTicket request) {
        List<String> ccEmails = new ArrayList<>(request.ccEmails());
        for (long ccId : request.ccUserIds()) {
            ccEmails.add(users.find(ccId).orElseThrow(() -> ApiException.invalid("collaborators", "not_found",
                    "names no user (" + ccId + ")")).email());
        }
        return ccEmails;
    }

    // FILE-1 uploads, TicketCreated, the SLA clocks, the desk's notes (ENT-5/6/9) and the mail of a new ticket
    private void announce(Actor actor, NewTicket request, Ticket ticket) {
        if (!request.uploads().isEmpty()) { // FILE-1; without uploads intake stays one statement
            uploads.claim(request.uploads(), actor.userId(), ticket.id(), conversation.firstCommentId(ticket.id()), request.isPublic());
        }
        Entitlement e = ticket.entitlement();
        publisher.publishEvent(new TicketCreated(ticket.id(), actor.userId(), ticket.requesterId(), ticket.organizationId(), ticket.formId()));
        slas.start(ticket.id(), e.supportLevel().code(), ticket.priorityCode(), ticket.createdAt(), isLicensingQuestion(ticket));
        String deskReply = postNotes(ticket, e, null);
        if (request.isPublic()) {
            // NTF-1, issue #12: the opening and the desk's own reply to it travel in one event: one outbox entry per intake
            publicReply(ticket, actor.userId(), request.body(), deskReply);
        } else if (deskReply != null) { // TKT-1: an internal note is mailed to nobody; the desk's reply still is
            publicReply(ticket, deskUserId, deskReply, null);
        }
    }

    @Transactional
    public Ticket update(Actor actor, long id, TicketChange change) {
        Ticket before = stored.findForUpdate(id).orElseThrow(() -> notFound(id));
        checkMayChange(actor, before, change);
        if (change.expectedUpdatedAt() != null && before.changedSince(change.expectedUpdatedAt())) {
            throw new TicketChangedMeanwhile(id, change.expectedUpdatedAt(), before.updatedAt()); // the row is locked: no one slips in after this
        }
        TicketRevision revision = before.revise(clock.instant())
                .movingStatus(change.status(), actor.isStaff(), change.comment())
                .reprioritizing(change.priority(), change.comment());
        TicketCcs.Outcome copied = ccs.apply(actor, before, change); // TKT-2 asks the directory, and may provision newcomers
        revision.copying(copied.ids(), copied.reason()).settingFields(change.customFields())
                .setting(change.subject(), change.type(), change.tags());
        redecide(revision, change);
        reroute(revision, change);
        if (change.assigneeId() != null) {
            revision.assigning(assignee(change.assigneeId()));
        }
        return store(actor, revision, change.comment());
    }

    // API-2, TKT-1: who may make this change at all, before any rule looks at it
    private void checkMayChange(Actor actor, Ticket ticket, TicketChange change) {
        checkVisible(actor, ticket);
        if (change.comment() != null) {
            checkMayWrite(actor, change.comment().isPublic());
        }
        if (!actor.isStaff() && !change.changesOnlyTheConversation() && !(change.onlyMarksSolved() && mayMarkSolved(actor, ticket))) {
            throw ApiException.forbidden("Only agents change a ticket's fields; you can add a comment"
                    + (change.onlyMarksSolved() ? ", and the requester or the person who filed it can mark it solved." : "."));
        }
    }

    /**
     * TKT-1, issue #15: the requester, or the partner who filed the ticket for them, may mark it solved themselves (Zendesk's
     * "can be solved by me"); a CC or a colleague may not. Its next steps still apply (a closed ticket stays closed).
     */
    public boolean mayMarkSolved(Actor actor, Ticket ticket) {
        return actor.userId() == ticket.requesterId() || actor.userId() == ticket.submitterId();
    }

    /**
     * ENT-8: a new requester, a new subject or new decision inputs run the entitlement decision again. On the Open
     * Partner form the requester is whoever Organization Email (partners) names; a requester the decision will not
     * serve is refused (DIR-3).
     */
    private void redecide(TicketRevision revision, TicketChange change) {
        Ticket before = revision.before();
        long decidedFor = before.decision().decidedForId();
        Long wanted = change.requesterId() != null && change.requesterId() != before.requesterId() ? change.requesterId() : null;
        if (wanted != null) {
            User requester = users.find(wanted).orElseThrow(() ->
                    ApiException.invalid("requester_id", "not_found", "names no user (" + wanted + ")"));
            if (decisions.form(before.formId()) == Form.OPEN_PARTNER) {
                revision.settingFields(Map.of(forms.fieldId(TicketForms.ORGANIZATION_EMAIL), requester.email()));
            } else if (!decisions.isPartnerForm(before.formId())) {
                decidedFor = wanted;
            }
        }
        if (wanted == null && change.subject() == null && !inputsChanged(before.customFields(), revision.fields())) {
            return;
        }
        String subject = change.subject() != null ? change.subject() : before.subject();
        StoredDecision decision = decisions.decide(decidedFor, before.formId(), revision.fields(), subject, before.description(), ccEmails(before));
        if (wanted != null && decision.entitlement().requesterId() != wanted) {
            throw requesterRefused(wanted, decision.entitlement());
        }
        revision.decided(decision);
    }

    /**
     * ENT-8 dry run (the agent's correction preview): the decision this ticket would get with {@code requesterId} as its
     * requester, decided as {@link #update} decides it and refused as it refuses (DIR-3, a closed ticket); nothing is stored.
     */
    public Entitlement decisionWithRequester(Actor actor, long id, long requesterId) {
        actor.requireStaff(); // API-2: only agents change a ticket's requester, so only they preview one
        TicketRevision revision = find(actor, id).revise(clock.instant());
        redecide(revision, TicketChange.fields().settingRequester(requesterId));
        return revision.after().entitlement();
    }

    // PO-6: an agent's change of the routing fields moves the ticket to its new owner, unless they name the group themselves
    private void reroute(TicketRevision revision, TicketChange change) {
        IntakeRouting routing = routings.get(revision.before().formId());
        IntakeRouting.Route route = change.groupId() == null && routing != null
                ? routing.reroute(revision.before().customFields(), revision.fields()) : null;
        if (change.groupId() != null) {
            revision.assigningGroup(change.groupId());
        } else if (route != null) {
            revision.rerouted(route);
        }
    }

    // the comment first (its mail is published with it, NTF-1), then the ticket, its audit, the desk's notes and the SLA clocks
    private Ticket store(Actor actor, TicketRevision revision, TicketChange.@Nullable Comment comment) {
        Ticket before = revision.before();
        Ticket after = revision.after();
        List<Audit.Event> events = new ArrayList<>(revision.events());
        if (comment != null) {
            events.add(addComment(actor, after, comment));
        }
        Ticket saved = stored.update(after);
        if (!events.isEmpty()) {
            conversation.addAudit(after.id(), actor.userId(), events);
        }
        if (revision.isRedecided()) {
            String deskReply = postNotes(saved, saved.entitlement(), before.entitlement());
            if (deskReply != null) {
                publicReply(saved, deskUserId, deskReply, null);
            }
        }
        tellSlas(actor, before, saved, comment);
        publisher.publishEvent(new TicketChanged(saved.id(), actor.userId()));
        return saved;
    }

    private Audit.Event addComment(Actor actor, Ticket ticket, TicketChange.Comment comment) {
        Comment added = conversation.addComment(ticket.id(), actor.userId(), comment.body(), comment.isPublic());
        if (!comment.uploads().isEmpty()) {
            uploads.claim(comment.uploads(), actor.userId(), ticket.id(), added.id(), comment.isPublic()); // FILE-1
        }
        if (comment.isPublic()) {
            publicReply(ticket, actor.userId(), comment.body(), null);
        }
        return new Audit.Event("Comment", "comment", comment.body(), null, comment.isPublic() ? "public" : "internal");
    }

    /**
     * An internal note from another module (TKT-8 escalations, TKT-9 special processes), audited like any comment;
     * {@code authorId} null means the desk itself.
     */
    @Transactional
    public Comment addInternalNote(long ticketId, @Nullable Long authorId, String body) {
        stored.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket " + ticketId));
        long author = authorId == null ? deskUserId : authorId;
        Comment note = conversation.addComment(ticketId, author, body, false);
        conversation.addAudit(ticketId, author, List.of(new Audit.Event("Comment", "comment", body, null, "internal")));
        publisher.publishEvent(new TicketChanged(ticketId, author));
        return note;
    }

    /** FILE-2: whether a ticket is closed, for modules that act without a signed-in user (an upload link); missing counts as closed. */
    public boolean isClosed(long ticketId) {
        return stored.find(ticketId).map(Ticket::isClosed).orElse(true);
    }

    private boolean isLicensingQuestion(Ticket ticket) {
        return decisions.form(ticket.formId()) == Form.LICENSING_RENEWALS;
    }

    // TKT-3, TKT-4: the reply clocks follow priority, support level, status and who replied
    private void tellSlas(Actor actor, Ticket before, Ticket after, TicketChange.@Nullable Comment comment) {
        Instant at = after.updatedAt();
        if (!Objects.equals(before.priority(), after.priority()) || before.entitlement().supportLevel() != after.entitlement().supportLevel()) {
            slas.priorityChanged(after.id(), after.entitlement().supportLevel().code(), after.priorityCode(), at, isLicensingQuestion(after));
        }
        if (before.status() != after.status()) {
            slas.statusChanged(after.id(), after.status().code(), at);
        }
        if (comment != null && actor.isStaff() && comment.isPublic()) {
            slas.agentReplied(after.id(), at);
        } else if (comment != null && !actor.isStaff()) {
            slas.requesterReplied(after.id(), at);
        }
    }

    public Ticket find(Actor actor, long id) {
        Ticket ticket = stored.find(id).orElseThrow(() -> notFound(id));
        checkVisible(actor, ticket);
        return ticket;
    }

    public CursorPage<Ticket> page(Actor actor, PageRequest page) {
        List<Ticket> fetched = actor.isStaff()
                ? stored.page(page.afterId(), page.fetchSize())
                : stored.pageVisibleTo(actor.userId(), actor.organizationId(), page.afterId(), page.fetchSize());
        return CursorPage.of(fetched, page, Ticket::id);
    }

    public List<Ticket> findMany(Actor actor, List<Long> ids) {
        return actor.isStaff()
                ? stored.findAll(ids)
                : stored.findAllVisibleTo(ids, actor.userId(), actor.organizationId());
    }

    public CursorPage<Comment> comments(Actor actor, long id, PageRequest page) {
        find(actor, id);
        return CursorPage.of(conversation.comments(id, actor.isStaff(), page.afterId(), page.fetchSize()), page, Comment::id);
    }

    /** UI-1 portal: the public conversation only, whoever reads it (staff too), oldest first (TKT-1). */
    public CursorPage<Comment> publicComments(Actor actor, long id, PageRequest page) {
        find(actor, id);
        return CursorPage.of(conversation.comments(id, false, page.afterId(), page.fetchSize()), page, Comment::id);
    }

    public CursorPage<Audit> audits(Actor actor, long id, PageRequest page) {
        actor.requireStaff();
        find(actor, id);
        return CursorPage.of(conversation.audits(id, page.afterId(), page.fetchSize()), page, Audit::id);
    }

    /**
     * UI-1: comments and history of a ticket the page already found for this agent, without finding it twice more (the
     * ticket page's statement budget); staff see every ticket, so the loaded ticket is all the check needed.
     */
    public TicketConversation conversation(Actor actor, Ticket ticket, PageRequest comments, PageRequest history) {
        actor.requireStaff();
        return new TicketConversation(
                CursorPage.of(conversation.comments(ticket.id(), true, comments.afterId(), comments.fetchSize()), comments, Comment::id),
                CursorPage.of(conversation.audits(ticket.id(), history.afterId(), history.fetchSize()), history, Audit::id));
    }

    /** UI-1 collision: what was done to a ticket after {@code since} (a page's copy), for staff, oldest first, at most 50 changes. */
    public List<Audit> changesSince(Actor actor, long id, Instant since) {
        actor.requireStaff();
        find(actor, id);
        return conversation.auditsSince(id, since, 50);
    }

    /** The decision with its trace: for staff, since it names customers' plans (SPEC 2). */
    public Entitlement entitlement(Actor actor, long id) {
        actor.requireStaff();
        return find(actor, id).entitlement();
    }

    // API-2: agents see all; others what they asked, submitted or are CC'd on, or their organization's when it shares.
    // #10: a ticket someone may not see answers as one that does not exist, so its id tells them nothing
    private void checkVisible(Actor actor, Ticket ticket) {
        if (!canSee(actor, ticket)) {
            throw notFound(ticket.id());
        }
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("Ticket " + id);
    }

    // TKT-1: internal notes are the agents'; an end user's comment is for the requester and CCs to read, or refused
    private static void checkMayWrite(Actor actor, boolean isPublic) {
        if (!isPublic && !actor.isStaff()) {
            throw ApiException.invalid("comment.public", "invalid_value", "must be true: only agents write internal notes;"
                    + " leave public out to add a comment the agents, the requester and the CCs read");
        }
    }

    /** TKT-2 for paths that cannot refuse the whole message (the partner mailbox): whether this actor's CCs are taken. */
    public boolean mayAddCcs(Actor actor, Ticket ticket) {
        return ccs.addition(actor, ticket.requesterId(), ticket.submitterId(), null).isAllowed();
    }

    /** The same for a ticket {@code actor} is about to open as its submitter. */
    public boolean mayAddCcsToANewTicket(Actor actor) {
        return ccs.addition(actor, actor.userId(), actor.userId(), null).isAllowed();
    }

    // one definition of who sees what, in SQL (persistence.TicketVisibility), for single reads, lists and search
    private boolean canSee(Actor actor, Ticket ticket) {
        return actor.isStaff() || stored.isVisibleTo(ticket.id(), actor.userId(), actor.organizationId());
    }

    private long requesterFor(Actor actor, @Nullable Long requesterId) {
        if (requesterId == null || requesterId == actor.userId()) {
            return actor.userId();
        }
        if (!actor.isStaff()) {
            throw ApiException.forbidden("Only agents open tickets for another requester; partners use the partner forms.");
        }
        return users.find(requesterId).map(User::id).orElseThrow(() ->
                ApiException.invalid("requester_id", "not_found", "names no user (" + requesterId + ")"));
    }

    private User userWithEmail(String email) {
        return users.findByEmail(email).orElseGet(() -> users.provisionEndUser(email));
    }

    private List<String> ccEmails(Ticket ticket) {
        List<String> emails = new ArrayList<>();
        for (long ccId : ticket.collaboratorIds()) {
            users.find(ccId).ifPresent(u -> emails.add(u.email()));
        }
        return emails;
    }

    private boolean inputsChanged(Map<Long, Object> before, Map<Long, Object> after) {
        return decisions.inputFieldIds().stream().anyMatch(f -> !Objects.equals(before.get(f), after.get(f)));
    }

    private Long assignee(long userId) {
        User assignee = users.find(userId).orElseThrow(() -> ApiException.invalid("assignee_id", "not_found", "names no user (" + userId + ")"));
        if (!assignee.role().isStaff()) {
            throw ApiException.invalid("assignee_id", "invalid_value", "must be an agent or admin");
        }
        return userId;
    }

    private ApiException requesterRefused(long wanted, Entitlement decided) {
        String email = users.find(wanted).map(User::email).orElse("user " + wanted);
        String why = decided.trace().isEmpty() ? decided.rule().id() : decided.trace().getLast().fact();
        return ApiException.invalid("requester_id", "DIR-3", email + " cannot be the requester of this ticket: " + why
                + " (" + decided.rule().id() + "). Correct Organization Email (partners) to a contact of the customer instead.");
    }

    // NTF-1: published in this transaction, so the outbox holds it exactly when the comment is stored
    private void publicReply(Ticket ticket, long authorId, String body, @Nullable String deskReply) {
        if (deskReply == null && ticket.requesterId() == authorId && ticket.collaboratorIds().stream().allMatch(id -> id == authorId)) {
            return; // nobody else to tell: no outbox entry for the hot path to write and delete
        }
        publisher.publishEvent(new PublicReplyAdded(ticket.id(), ticket.subject(), authorId, body, ticket.requesterId(),
                ticket.collaboratorIds(), deskReply, UUID.randomUUID()));
    }

    /**
     * ENT-9 and ENT-5/6: what the decision wants an agent to know and the submitter to read, posted once per decision.
     * Answers the public reply it posted, for the caller to mail.
     */
    private @Nullable String postNotes(Ticket ticket, Entitlement decided, @Nullable Entitlement previous) {
        boolean same = previous != null && previous.rule() == decided.rule() && previous.flags().equals(decided.flags());
        if (same) {
            return null;
        }
        if (decided.internalNote() != null) {
            conversation.addComment(ticket.id(), deskUserId, decided.internalNote(), false);
        }
        if (decided.publicReply() != null) {
            conversation.addComment(ticket.id(), deskUserId, decided.publicReply(), true);
        }
        return decided.publicReply();
    }

    /** For other modules, which apply their own authorization: the partner mailbox threads replies (PO-6), breach mail finds the assignee (TKT-4). */
    public Optional<Ticket> find(long id) {
        return stored.find(id);
    }

    /** A change made by the desk itself (PO-5 billing account progress, PO-6 answers), audited like an agent's. */
    @Transactional
    public Ticket updateAsDesk(long id, TicketChange change) {
        return update(deskActor(), id, change);
    }

    private Actor deskActor() {
        return new Actor(deskUserId, DESK_EMAIL, org.partnerdesk.api.Role.AGENT, null, Set.of());
    }
}
