package org.partnerdesk.ticket;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.api.Actor;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.CursorPage;
import org.partnerdesk.api.KeysetRequest;
import org.partnerdesk.api.PageRequest;
import org.partnerdesk.api.Role;
import org.partnerdesk.ticket.persistence.StoredConversation;
import org.partnerdesk.ticket.persistence.StoredRequests;
import org.springframework.stereotype.Service;

/**
 * Issue #17 item 4, Zendesk's Requests API: a ticket as the people it is for see it (TKT-5, API-2), scoped exactly as the
 * portal: the requester, the partner who filed it, the CCs, and a sharing customer organization's people. Agents are end
 * users here, as in Zendesk: they see the requests they asked, filed or are CC'd on. Deleted tickets are no requests.
 * Filing and changing go through {@link Tickets}, so intake decides, audits and mails exactly as {@code /tickets} does.
 */
@Service
public class Requests {

    /** Zendesk's offset pages stop at page 100 (10,000 rows at most); further on, the cursor pages. */
    public static final int MAX_OFFSET_PAGE = 100;
    private static final Set<TicketStatus> SOLVABLE = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.HOLD);

    private final StoredRequests stored;
    private final Tickets tickets;
    private final RequestLists lists;
    private final TicketSearch search;
    private final StoredConversation conversation;

    Requests(StoredRequests stored, Tickets tickets, RequestLists lists, TicketSearch search, StoredConversation conversation) {
        this.stored = stored;
        this.conversation = conversation;
        this.tickets = tickets;
        this.lists = lists;
        this.search = search;
    }

    /** One numbered page of a list (Zendesk's offset pages), and how many the whole list holds. */
    public record Numbered(List<Ticket> requests, boolean hasMore, long count) {
    }

    /** A cursor page of {@code list} (the person's own or those they are CC'd on), of these statuses (empty: all). */
    public CursorPage<Ticket> page(Actor actor, RequestList list, Set<TicketStatus> statuses, RequestOrder order, KeysetRequest page) {
        checkMayHave(actor, list);
        KeysetRequest.Position at = page.after();
        StoredRequests.After after = at == null ? null : new StoredRequests.After(order.byUpdatedAt() ? at.instantKey() : null, at.id());
        List<Ticket> fetched = stored.page(list, actor.userId(), actor.organizationId(), statuses, order, after, 0, page.fetchSize());
        return CursorPage.of(fetched, page, t -> new KeysetRequest.Position(order.byUpdatedAt() ? t.updatedAt().toString() : null, t.id()));
    }

    /** Page {@code number} (from 1) of {@code list}, Zendesk's {@code ?page=2&per_page=25}. */
    public Numbered numberedPage(Actor actor, RequestList list, Set<TicketStatus> statuses, RequestOrder order, int number, int size) {
        checkMayHave(actor, list);
        if (number < 1 || number > MAX_OFFSET_PAGE) {
            throw ApiException.badRequest("InvalidPaginationParameter", "page must be a whole number from 1 to " + MAX_OFFSET_PAGE
                    + "; page further with page[size] and page[after] (cursor pagination).");
        }
        List<Ticket> fetched = stored.page(list, actor.userId(), actor.organizationId(), statuses, order, null, (number - 1) * size, size + 1);
        boolean hasMore = fetched.size() > size;
        return new Numbered(hasMore ? fetched.subList(0, size) : fetched, hasMore,
                stored.count(list, actor.userId(), actor.organizationId(), statuses));
    }

    /**
     * Zendesk's {@code /requests/search}: ticket search (TKT-6) as an end user searches, whoever asks: over the requests
     * the person may see and their public conversation only (API-2); page {@code number} from 1.
     */
    public Numbered search(Actor actor, String query, int number, int size, @Nullable String sortBy, @Nullable String sortOrder) {
        Actor asEndUser = new Actor(actor.userId(), actor.email(), Role.END_USER, actor.organizationId(), Set.of());
        TicketSearch.Results found = search.search(asEndUser, query, number, size, sortBy, sortOrder);
        Set<Long> kept = stored.notDeleted(found.tickets().stream().map(Ticket::id).toList());
        return new Numbered(found.tickets().stream().filter(t -> kept.contains(t.id())).toList(), (long) number * size < found.count(),
                found.count());
    }

    /** The organization's requests (Zendesk's {@code /organizations/{id}/requests}): one's own organization, where it shares them (API-2). */
    public void checkMayListOrganization(Actor actor, long organizationId) {
        if (!Objects.equals(actor.organizationId(), organizationId)) {
            throw ApiException.notFound("Organization " + organizationId); // #10: another's organization answers as missing
        }
        checkMayHave(actor, RequestList.ORGANIZATION);
    }

    /** One request the person may see; another's, a deleted one and one that does not exist answer alike (#10). */
    public Ticket find(Actor actor, long id) {
        return stored.visible(id, actor.userId(), actor.organizationId()).orElseThrow(() -> ApiException.notFound("Request " + id));
    }

    /** TKT-1: the public conversation only, oldest first; internal notes, alliance and special-process notes are the agents'. */
    public CursorPage<Comment> comments(Actor actor, long id, PageRequest page) {
        find(actor, id);
        return tickets.publicComments(actor, id, page);
    }

    /** Issue #17, TKT-1: one public comment of a request the person may see; an internal note answers as missing (#10). */
    public Comment comment(Actor actor, long id, long commentId) {
        find(actor, id);
        return conversation.publicComment(id, commentId).orElseThrow(() -> ApiException.notFound("Comment " + commentId));
    }

    /** SPEC 7: filed exactly as {@code POST /tickets} files it: the same decision, audit, SLA clocks and mail. */
    public Ticket create(Actor actor, NewTicket request) {
        return tickets.create(actor, request);
    }

    /**
     * A reply, "mark as solved" (TKT-1, as requester or the partner who filed it) and CCs (TKT-2), through {@link Tickets#update}
     * on a request the person may see, with the rules {@code PUT /tickets/{id}} applies to an end user, to agents too.
     */
    public Ticket update(Actor actor, long id, TicketChange change) {
        Ticket request = find(actor, id);
        if (change.status() == TicketStatus.SOLVED && !tickets.mayMarkSolved(actor, request)) {
            throw ApiException.forbidden("Only the requester or the person who filed request " + id + " can mark it solved (TKT-1);"
                    + " you can add a comment.");
        }
        return tickets.update(actor, id, change);
    }

    /** Zendesk's {@code can_be_solved_by_me}: the requester or the partner who filed it, while it is not yet solved (TKT-1). */
    public boolean canBeSolvedBy(Actor actor, Ticket request) {
        return tickets.mayMarkSolved(actor, request) && SOLVABLE.contains(request.status());
    }

    private void checkMayHave(Actor actor, RequestList list) {
        lists.refusal(actor, list).ifPresent(why -> {
            throw ApiException.forbidden(why);
        });
    }
}
