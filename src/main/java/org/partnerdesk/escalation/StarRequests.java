package org.partnerdesk.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.WholeSeconds;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.directory.Groups;
import org.partnerdesk.directory.User;
import org.partnerdesk.directory.Users;
import org.partnerdesk.escalation.persistence.StoredStarRequests;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketForm;
import org.partnerdesk.ticket.TicketForms;
import org.partnerdesk.ticket.Tickets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TKT-7 [003]: channel managers and sales star a ticket to get the on-call support manager's attention within a time
 * set by urgency; the ticket's internal notes tell the story of every star and unstar.
 */
@Service
public class StarRequests {

    /** The forms a STAR may be raised on, by form name (DOMAIN-FACTS: SaaS, SaaS Account, self-managed, L&R and the partner forms). */
    static final Set<String> STARRABLE_FORMS = Set.of("SaaS", "SaaS Account", "Support", "Licensing & Renewals", "Open Partner",
            "Select Partner", "Alliance Partner");

    /** What the requester asks for. */
    public record Ask(Urgency urgency, String plan, String reason, String desiredResult) {
    }

    private final Tickets tickets;
    private final TicketForms forms;
    private final Groups groups;
    private final Users users;
    private final StoredStarRequests stored;
    private final StarSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    StarRequests(Tickets tickets, TicketForms forms, Groups groups, Users users, StoredStarRequests stored, StarSettings settings,
                 Clock clock, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.tickets = tickets;
        this.forms = forms;
        this.groups = groups;
        this.users = users;
        this.stored = stored;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public StarRequest star(Actor actor, long ticketId, Ask ask) {
        requireMayStar(actor);
        Instant now = now();
        Ticket ticket = eligibleTicket(actor, ticketId, now);
        long manager = onCallRota().onCallAt(now).orElseThrow(() -> new StarRefusal("ticket_id",
                "there is no on-call support manager: add people to Support Managers or set partnerdesk.star.on-call"));
        Instant respondBy = now.plus(settings.respondWithin(ask.urgency()));
        StarRequest star;
        try {
            star = stored.insert(StarRequest.starred(ticket.id(), actor.userId(), ask.urgency(), ask.plan(), ask.reason(),
                    ask.desiredResult(), manager, respondBy, now));
        } catch (DuplicateKeyException raced) {
            throw alreadyStarred(ticketId);
        }
        tickets.addInternalNote(ticketId, actor.userId(), "STAR requested (TKT-7), " + ask.urgency().code().replace('_', ' ')
                + ": respond by " + WholeSeconds.of(respondBy) + ". Assigned to on-call support manager " + nameOf(manager) + ".\n"
                + "Plan: " + ask.plan() + "\nReason: " + ask.reason() + "\nDesired result: " + ask.desiredResult());
        publisher.publishEvent(new StarRaised(star.id(), ticketId, manager, ask.urgency().code(), respondBy, ask.reason(),
                ask.desiredResult()));
        return star;
    }

    @Transactional
    public StarRequest unstar(Actor actor, long id, @Nullable String reason, @Nullable String alternativePath) {
        actor.requireStaff(); // #10: STAR requests are staff's; an end user learns nothing of which ids exist
        StarRequest star = stored.lock(id).orElseThrow(() -> ApiException.notFound("STAR request " + id));
        requireMayUnstar(actor, star);
        StarRequest unstarred = stored.update(star.unstar(reason, alternativePath, now()));
        tickets.addInternalNote(star.ticketId(), actor.userId(), "STAR unstarred (TKT-7). Reason: " + unstarred.unstarReason()
                + (unstarred.alternativePath() == null ? "" : "\nAlternative path: " + unstarred.alternativePath()));
        return unstarred;
    }

    /** TKT-7: support managers and whoever asked for the STAR; the API asks before reading the body. */
    public void requireMayUnstar(Actor actor, long id) {
        actor.requireStaff(); // #10: before the id is looked up, so an end user learns nothing of which ids exist
        requireMayUnstar(actor, stored.find(id).orElseThrow(() -> ApiException.notFound("STAR request " + id)));
    }

    private static void requireMayUnstar(Actor actor, StarRequest star) {
        if (!actor.isMemberOf(Groups.SUPPORT_MANAGERS) && actor.userId() != star.requestedBy()) {
            throw ApiException.forbidden("Only support managers and the person who asked for the STAR may unstar it (TKT-7).");
        }
    }

    public StarRequest find(Actor actor, long id) {
        actor.requireStaff();
        return stored.find(id).orElseThrow(() -> ApiException.notFound("STAR request " + id));
    }

    public CursorPage<StarRequest> page(Actor actor, @Nullable Long ticketId, PageRequest page) {
        actor.requireStaff();
        return CursorPage.of(stored.page(ticketId, page.afterId(), page.fetchSize()), page, StarRequest::id);
    }

    // TKT-7 [003]: for partner and customer tickets, channel managers and sales raise STARs; the API asks before reading the body
    public void requireMayStar(Actor actor) {
        if (!mayStar(actor)) {
            throw ApiException.forbidden("Only members of Channel Managers or Sales may star a ticket (TKT-7).");
        }
    }

    /** TKT-7: whether this person may raise a STAR at all (the ticket page shows the STAR part only to them). */
    public boolean mayStar(Actor actor) {
        return actor.isStaff() && (actor.isMemberOf(Groups.CHANNEL_MANAGERS) || actor.isMemberOf(Groups.SALES));
    }

    /** TKT-7: whether this person may unstar this request: a support manager or whoever asked for it. */
    public boolean mayUnstar(Actor actor, StarRequest star) {
        return actor.isStaff() && (actor.isMemberOf(Groups.SUPPORT_MANAGERS) || actor.userId() == star.requestedBy());
    }

    /** TKT-7: the ticket's open STAR request, if it is starred; for staff. */
    public Optional<StarRequest> openOn(Actor actor, long ticketId) {
        actor.requireStaff();
        return stored.starredOn(ticketId);
    }

    // TKT-7 [003]: the ticket exists, has waited long enough for a normal answer, is on a support form, and has an organization
    private Ticket eligibleTicket(Actor actor, long ticketId, Instant now) {
        Ticket ticket;
        try {
            ticket = tickets.find(actor, ticketId);
        } catch (ApiException missing) {
            if (missing.status() != 404) {
                throw missing;
            }
            throw new StarRefusal("ticket_id", "ticket " + ticketId + " was not found: star an existing ticket");
        }
        if (ticket.createdAt().isAfter(now.minus(settings.minimumAge()))) {
            throw new StarRefusal("ticket_id", "ticket " + ticketId + " is younger than " + settings.minimumAge().toMinutes()
                    + " minutes: give the normal process that long before starring it");
        }
        String form = forms.form(ticket.formId()).map(TicketForm::name).orElse("unknown");
        if (!STARRABLE_FORMS.contains(form)) {
            throw new StarRefusal("ticket_id", "ticket " + ticketId + " is on the " + form + " form; only SaaS, SaaS Account, Support (self-managed), "
                    + "Licensing & Renewals and the partner forms can be starred: move it to the right form first");
        }
        if (ticket.organizationId() == null) {
            throw new StarRefusal("ticket_id", "ticket " + ticketId + " has no organization: associate the requester with one first");
        }
        if (stored.starredOn(ticketId).isPresent()) {
            throw alreadyStarred(ticketId);
        }
        return ticket;
    }

    private static StarRefusal alreadyStarred(long ticketId) {
        return new StarRefusal("ticket_id", "ticket " + ticketId + " is already starred: follow the open STAR request instead");
    }

    /** The configured rota by e-mail, or else Support Managers in id order; addresses that match nobody are skipped. */
    OnCallRota onCallRota() {
        List<Long> ids = settings.onCall().isEmpty()
                ? groups.membersOf(Groups.SUPPORT_MANAGERS).stream().map(User::id).toList()
                : settings.onCall().stream().flatMap(email -> users.findByEmail(email).stream()).map(User::id).toList();
        return new OnCallRota(ids);
    }

    private String nameOf(long userId) {
        return users.find(userId).map(u -> u.name() + " <" + u.email() + ">").orElse("#" + userId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
