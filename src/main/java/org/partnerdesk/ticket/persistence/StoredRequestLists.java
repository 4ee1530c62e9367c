package org.partnerdesk.ticket.persistence;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partnerdesk.ticket.Ticket;
import org.partnerdesk.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * TKT-5, UI-1 portal: the lists a partner or customer sees, newest first, as keyset pages on the id ({@code olderThan} is
 * the last id of the page before, 0 for the first page), optionally of one status. Each walks an index of V11 backwards
 * ((requester_id, id), (submitter_id, id), (organization_id, id)) or reads the GIN index on collaborator_ids; every row
 * is one {@link TicketVisibility} lets the person see (API-2).
 */
@Repository
public class StoredRequestLists {

    private final JdbcClient db;
    private final StoredTickets tickets;

    StoredRequestLists(JdbcClient db, StoredTickets tickets) {
        this.db = db;
        this.tickets = tickets;
    }

    /**
     * Requested or submitted by the person: two index walks of at most {@code limit} ids each, merged; an OR over the two
     * columns would have the planner read every ticket of both before sorting.
     */
    public List<Ticket> requestedOrSubmittedBy(long userId, @Nullable TicketStatus status, long olderThan, int limit) {
        String walk = " from tickets where %s = :user" + page(status, olderThan) + " order by id desc limit :limit";
        String sql = "select " + StoredTickets.COLUMNS + " from tickets where id in ((select id" + walk.formatted("requester_id")
                + ") union (select id" + walk.formatted("submitter_id") + ")) order by id desc limit :limit";
        return bind(db.sql(sql).param("user", userId), status, olderThan, limit);
    }

    /** TKT-2: CC'd on; the person's few tickets out of the GIN index, sorted. */
    public List<Ticket> copying(long userId, @Nullable TicketStatus status, long olderThan, int limit) {
        return newest("collaborator_ids @> array[cast(:owner as bigint)]", userId, status, olderThan, limit);
    }

    /** The organization's tickets; the caller has checked that it shares them with its people (API-2). */
    public List<Ticket> ofOrganization(long organizationId, @Nullable TicketStatus status, long olderThan, int limit) {
        return newest("organization_id = :owner", organizationId, status, olderThan, limit);
    }

    /**
     * ENT-1..3, ENT-6: what the person filed for a customer: for another requester (the customer's contact an Open partner
     * names) or naming a customer on the form (a Select partner's go-between, an Alliance handover), on the submitter index.
     */
    public List<Ticket> filedForCustomersBy(long userId, long customerNameField, @Nullable TicketStatus status, long olderThan,
                                            int limit) {
        String sql = "select " + StoredTickets.COLUMNS + " from tickets where submitter_id = :user"
                + " and (requester_id <> :user or jsonb_exists(custom_fields, :customer_field))" + page(status, olderThan)
                + " order by id desc limit :limit";
        return bind(db.sql(sql).param("user", userId).param("customer_field", Long.toString(customerNameField)), status, olderThan,
                limit);
    }

    private List<Ticket> newest(String condition, long owner, @Nullable TicketStatus status, long olderThan, int limit) {
        String sql = "select " + StoredTickets.COLUMNS + " from tickets where " + condition + page(status, olderThan)
                + " order by id desc limit :limit";
        return bind(db.sql(sql).param("owner", owner), status, olderThan, limit);
    }

    private static String page(@Nullable TicketStatus status, long olderThan) {
        return " and " + TicketVisibility.NOT_DELETED + (status != null ? " and status = :status" : "") + (olderThan > 0 ? " and id < :older_than" : "");
    }

    private List<Ticket> bind(JdbcClient.StatementSpec query, @Nullable TicketStatus status, long olderThan, int limit) {
        JdbcClient.StatementSpec bound = query.param("limit", limit);
        if (status != null) {
            bound = bound.param("status", status.code());
        }
        if (olderThan > 0) {
            bound = bound.param("older_than", olderThan);
        }
        return bound.query(tickets::map).list();
    }
}
