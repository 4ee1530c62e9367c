package org.partnerdesk.ticket.persistence;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.Ticket;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issue #17: the tickets of one organization, requester or CC, oldest first, as cursor pages on the id like
 * {@code GET /tickets}; deleted tickets (V95) are left out. The (organization_id, id) and (requester_id, id) indexes and
 * the GIN index on collaborator_ids (V11) serve them. Lists for end users add {@link TicketVisibility} (API-2).
 */
@Repository
public class StoredOwnerTicketLists {

    private static final String OF_ORGANIZATION = "organization_id = :owner";
    private static final String REQUESTED_BY = "requester_id = :owner";
    private static final String COPYING = "collaborator_ids @> array[cast(:owner as bigint)]";

    private final JdbcClient db;
    private final StoredTickets tickets;

    StoredOwnerTicketLists(JdbcClient db, StoredTickets tickets) {
        this.db = db;
        this.tickets = tickets;
    }

    public List<Ticket> ofOrganization(long organizationId, long afterId, int limit) {
        return page(OF_ORGANIZATION, organizationId, afterId, limit);
    }

    public List<Ticket> requestedBy(long userId, long afterId, int limit) {
        return page(REQUESTED_BY, userId, afterId, limit);
    }

    public List<Ticket> copying(long userId, long afterId, int limit) {
        return page(COPYING, userId, afterId, limit);
    }

    public List<Ticket> ofOrganizationVisibleTo(long organizationId, long viewer, @Nullable Long viewerOrganization, long afterId, int limit) {
        return pageVisibleTo(OF_ORGANIZATION, organizationId, viewer, viewerOrganization, afterId, limit);
    }

    public List<Ticket> requestedByVisibleTo(long userId, long viewer, @Nullable Long viewerOrganization, long afterId, int limit) {
        return pageVisibleTo(REQUESTED_BY, userId, viewer, viewerOrganization, afterId, limit);
    }

    public List<Ticket> copyingVisibleTo(long userId, long viewer, @Nullable Long viewerOrganization, long afterId, int limit) {
        return pageVisibleTo(COPYING, userId, viewer, viewerOrganization, afterId, limit);
    }

    /** Issue #17: how many tickets the owner has, deleted ones left out; {@code viewer} null counts them all (staff). */
    public long countOfOrganization(long organizationId, @Nullable Long viewer, @Nullable Long viewerOrganization) {
        return count(OF_ORGANIZATION, organizationId, viewer, viewerOrganization);
    }

    public long countRequestedBy(long userId, @Nullable Long viewer, @Nullable Long viewerOrganization) {
        return count(REQUESTED_BY, userId, viewer, viewerOrganization);
    }

    public long countCopying(long userId, @Nullable Long viewer, @Nullable Long viewerOrganization) {
        return count(COPYING, userId, viewer, viewerOrganization);
    }

    private long count(String owner, long ownerId, @Nullable Long viewer, @Nullable Long viewerOrganization) {
        String visible = viewer == null ? "" : " and " + TicketVisibility.VISIBLE_TO;
        var query = db.sql("select count(*) from tickets where " + owner + visible + " and deleted_at is null").param("owner", ownerId);
        if (viewer != null) {
            query = query.param("user", viewer).param("org", viewerOrganization);
        }
        return query.query(Long.class).single();
    }

    private List<Ticket> page(String owner, long ownerId, long afterId, int limit) {
        return db.sql("select " + StoredTickets.COLUMNS + " from tickets where " + owner
                        + " and id > :after and deleted_at is null order by id limit :limit")
                .param("owner", ownerId).param("after", afterId).param("limit", limit)
                .query(tickets::map).list();
    }

    private List<Ticket> pageVisibleTo(String owner, long ownerId, long viewer, @Nullable Long viewerOrganization, long afterId, int limit) {
        return db.sql("select " + StoredTickets.COLUMNS + " from tickets where " + owner + " and " + TicketVisibility.VISIBLE_TO
                        + " and id > :after and deleted_at is null order by id limit :limit")
                .param("owner", ownerId).param("user", viewer).param("org", viewerOrganization).param("after", afterId).param("limit", limit)
                .query(tickets::map).list();
    }
}
