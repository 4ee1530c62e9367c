package org.partnerdesk.ticket.persistence;

import java.util.List;

import org.partnerdesk.ticket.Ticket;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * UI-1: the tickets of one requester, organization or partner, newest first, as keyset pages on the id: {@code olderThan}
 * is the last id of the page before (0 for the first page). The (requester_id, id), (organization_id, id) and
 * (submitter_id, id) indexes (V21) serve them backwards.
 */
@Repository
public class StoredTicketLists {

    private final JdbcClient db;
    private final StoredTickets tickets;

    StoredTicketLists(JdbcClient db, StoredTickets tickets) {
        this.db = db;
        this.tickets = tickets;
    }

    public List<Ticket> requestedBy(long userId, long olderThan, int limit) {
        return newest("requester_id = :owner", userId, olderThan, limit);
    }

    public List<Ticket> ofOrganization(long organizationId, long olderThan, int limit) {
        return newest("organization_id = :owner", organizationId, olderThan, limit);
    }

    /** ENT-1..6: tickets the partner's people submitted for another organization (their customers'), as search's partner: term. */
    public List<Ticket> submittedForOthersBy(long partnerId, long olderThan, int limit) {
        return newest("submitter_id in (select m.user_id from organization_memberships m where m.organization_id = :owner)"
                + " and organization_id is distinct from :owner", partnerId, olderThan, limit);
    }

    private List<Ticket> newest(String condition, long owner, long olderThan, int limit) {
        var query = db.sql("select " + StoredTickets.COLUMNS + " from tickets where " + condition + " and " + TicketVisibility.NOT_DELETED
                        + (olderThan > 0 ? " and id < :older_than" : "") + " order by id desc limit :limit")
                .param("owner", owner).param("limit", limit);
        return (olderThan > 0 ? query.param("older_than", olderThan) : query).query(tickets::map).list();
    }
}
