package org.partnerdesk.ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.ticket.persistence.StoredTagCounts;
import org.partnerdesk.ticket.persistence.StoredTickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue #17: Zendesk's tags endpoints. A change goes through {@link Tickets#update} as a PUT's {@code tags} does, so it is
 * refused, audited (one "tags" event with before and after) and announced the same way; adding and removing read the
 * tags under the ticket's row lock, so two concurrent additions both land.
 */
@Service
public class TicketTags {

    private final Tickets tickets;
    private final StoredTickets stored;
    private final StoredTagCounts counts;

    TicketTags(Tickets tickets, StoredTickets stored, StoredTagCounts counts) {
        this.tickets = tickets;
        this.stored = stored;
        this.counts = counts;
    }

    /** Whoever sees the ticket reads its tags, as they read them on the ticket (API-2). */
    public List<String> of(Actor actor, long ticketId) {
        return tickets.find(actor, ticketId).tags();
    }

    /** API-2: a ticket one may not see answers 404, one seen by an end user 403; asked before the body is read. */
    public void checkMayChange(Actor actor, long ticketId) {
        tickets.find(actor, ticketId);
        if (!actor.isStaff()) {
            throw ApiException.forbidden("Only agents change a ticket's tags.");
        }
    }

    @Transactional
    public List<String> add(Actor actor, long ticketId, List<String> typed) {
        Ticket ticket = locked(actor, ticketId);
        Set<String> tags = new LinkedHashSet<>(ticket.tags());
        tags.addAll(TicketTag.normalized(typed));
        return change(actor, ticket, new ArrayList<>(tags));
    }

    @Transactional
    public List<String> set(Actor actor, long ticketId, List<String> typed) {
        return change(actor, locked(actor, ticketId), TicketTag.normalized(typed));
    }

    @Transactional
    public List<String> remove(Actor actor, long ticketId, List<String> typed) {
        Ticket ticket = locked(actor, ticketId);
        List<String> tags = new ArrayList<>(ticket.tags());
        tags.removeAll(TicketTag.normalized(typed));
        return change(actor, ticket, tags);
    }

    /** Zendesk's {@code GET /tags}: the most used tags over the tickets not deleted, most used first; for staff. */
    public List<TagCount> mostUsed(Actor actor, int limit) {
        actor.requireStaff();
        return counts.mostUsed(limit);
    }

    private Ticket locked(Actor actor, long ticketId) {
        checkMayChange(actor, ticketId);
        return stored.findForUpdate(ticketId).orElseThrow(() -> ApiException.notFound("Ticket " + ticketId));
    }

    // a call that changes nothing writes nothing: no audit, no event, updated_at kept (integrations retry adds freely)
    private List<String> change(Actor actor, Ticket locked, List<String> tags) {
        if (locked.tags().equals(tags)) {
            return tags;
        }
        return tickets.update(actor, locked.id(), TicketChange.fields().settingTags(tags)).tags();
    }
}
